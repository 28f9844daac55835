using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Slack;

public sealed class SlackVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5-retiring";
    private const string NextSecret = "3c1b2a0f9e8d7c6b5a4f3e2d1c0b9a8f-current";
    private const string Body = """{"token":"x","team_id":"T1DC2JH3J","event":{"type":"team_join","user":{"profile":{"email":"ada@example.com"}}},"type":"event_callback","event_id":"Ev08MFMKH6","event_time":1714564800}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static SlackVerifier CreateSut(TimeSpan? tolerance = null) =>
        new(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = SlackProvider.Id, Secrets = [.. secrets] };

    private static WebhookRequest Signed(string secret, DateTimeOffset sentAt, string body = Body)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [SlackProvider.SignatureHeader] = "v0=" + signature,
            [SlackProvider.TimestampHeader] = timestamp,
        };
        return new WebhookRequest("workspace", "POST", new Uri("https://hub.example.test/api/webhooks/workspace"), headers, Encoding.UTF8.GetBytes(body));
    }

    private static WebhookRequest Without(WebhookRequest request, string header) =>
        request with { Headers = request.Headers.Where(h => h.Key != header).ToDictionary(StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = SlackVector.LoadAll();

        // Act
        var cases = SlackVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(3, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(SlackVector.Cases), MemberType = typeof(SlackVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = SlackVector.LoadAll()[index];
        var sut = CreateSut(vector.Tolerance);
        var request = new WebhookRequest(
            "workspace", "POST", new Uri("https://hub.example.test/api/webhooks/workspace"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (vector.Valid)
        {
            // A slash command (form-encoded) carries no id, so the id is derived from the body.
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(vector.Body)));
        }
        else
        {
            var stale = vector.Timestamp is { } t && Math.Abs(vector.Now.ToUnixTimeSeconds() - t) > (vector.Tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds;
            Assert.Equal(stale ? "urn:integrationhub:problem:stale-timestamp" : "urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        }
    }

    [Theory]
    [InlineData(SlackProvider.SignatureHeader)]
    [InlineData(SlackProvider.TimestampHeader)]
    public void Verify_HeaderMissing_IsMissingSignatureNamingIt(string missing)
    {
        // Arrange
        var request = Without(Signed(Secret, Now), missing);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(missing, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(NextSecret, Now), ConnectionWith(Secret, NextSecret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var request = Signed(Secret, Now) with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_SignatureWithoutV0Prefix_IsInvalidSignature(string signature)
    {
        // Arrange
        var signed = Signed(Secret, Now);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { [SlackProvider.SignatureHeader] = signature };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData(-301, "301 seconds in the past")]
    [InlineData(301, "301 seconds in the future")]
    public void Verify_TimestampBeyondTolerance_IsStaleTimestampSayingByHowMuch(int sentSecondsFromNow, string expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now.AddSeconds(sentSecondsFromNow)), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
        Assert.Contains(expected, result.Problem.Detail, StringComparison.Ordinal);
        Assert.Contains(SlackProvider.TimestampHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EventsApiCallback_DeliveryIdIsEventId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("Ev08MFMKH6", result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("command=%2Fweather&text=94070&user_id=U2147483697")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"}}""")]
    public void Verify_BodyWithoutEventId_DeliveryIdIsDerivedFromContent(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now, body), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var signed = Signed(Secret, Now);
        var requests = new[]
        {
            Without(signed, SlackProvider.SignatureHeader),
            Without(signed, SlackProvider.TimestampHeader),
            signed with { Body = Encoding.UTF8.GetBytes("{}") },
            Signed(Secret, Now.AddHours(-1)),
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(4, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
