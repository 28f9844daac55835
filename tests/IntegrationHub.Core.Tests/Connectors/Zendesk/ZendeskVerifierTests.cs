using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Zendesk;

public sealed class ZendeskVerifierTests
{
    private const string Secret = "zendesk-signing-secret-retiring";
    private const string NextSecret = "zendesk-signing-secret-current";
    private const string Body = """{"type":"zen:event-type:user.created","account_id":12514403,"id":"6b9bbadf-5725-4e92-bebe-7b71011bf5f1","detail":{"email":"ada@example.com"}}""";
    private const string InvocationId = "8350205582";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static ZendeskVerifier CreateSut(TimeSpan? tolerance = null) =>
        new(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = ZendeskProvider.Id, Secrets = [.. secrets] };

    /// <summary>Signs as Zendesk does, with the timestamp written the way Zendesk writes it (ISO 8601, UTC, seconds).</summary>
    private static WebhookRequest Signed(string secret, DateTimeOffset sentAt, string body = Body, string? invocationId = InvocationId)
    {
        var timestamp = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ZendeskProvider.SignatureHeader] = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + body))),
            [ZendeskProvider.TimestampHeader] = timestamp,
            ["X-Zendesk-Account-Id"] = "12514403",
            ["X-Zendesk-Webhook-Id"] = "01F1KRFQ6BG29CNWFR60NK5FNY",
        };
        if (invocationId is not null)
        {
            headers[ZendeskProvider.InvocationIdHeader] = invocationId;
        }
        return new WebhookRequest("helpdesk", "POST", new Uri("https://hub.example.test/api/webhooks/helpdesk"), headers, Encoding.UTF8.GetBytes(body));
    }

    private static WebhookRequest Without(WebhookRequest request, string header) =>
        request with { Headers = request.Headers.Where(h => !string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = ZendeskVector.LoadAll();

        // Act
        var cases = ZendeskVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(3, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(ZendeskVector.Cases), MemberType = typeof(ZendeskVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange: the vectors sign the placeholder timestamp "1234" and give no `now`, so the clock is frozen there.
        var vector = ZendeskVector.LoadAll()[index];
        var sut = CreateSut(vector.Tolerance);
        var request = new WebhookRequest(
            "helpdesk", "POST", new Uri("https://hub.example.test/api/webhooks/helpdesk"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (vector.Valid)
        {
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(vector.Body)));
        }
        else
        {
            Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        }
    }

    [Fact]
    public void Verify_VendorVectorAtRealClock_IsStaleTimestamp()
    {
        // Arrange: the same genuine vector checked today is decades outside the window.
        var vector = ZendeskVector.LoadAll().First(v => v.Valid);
        var request = new WebhookRequest(
            "helpdesk", "POST", new Uri("https://hub.example.test/api/webhooks/helpdesk"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
    }

    [Theory]
    [InlineData(ZendeskProvider.SignatureHeader)]
    [InlineData(ZendeskProvider.TimestampHeader)]
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

    [Fact]
    public void Verify_TimestampTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange: moving the timestamp into the window breaks the signature, which covers it.
        var signed = Signed(Secret, Now.AddHours(-1));
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            [ZendeskProvider.TimestampHeader] = "2024-05-01T12:00:00Z",
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-05-01 12:00:00")]
    public void Verify_TimestampNotIso8601_IsInvalidSignatureNamingHeader(string timestamp)
    {
        // Arrange
        var signed = Signed(Secret, Now);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { [ZendeskProvider.TimestampHeader] = timestamp };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        Assert.Contains(ZendeskProvider.TimestampHeader, result.Problem.Detail, StringComparison.Ordinal);
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
        Assert.Contains(ZendeskProvider.TimestampHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtToleranceEdge_IsValid(int sentSecondsFromNow)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now.AddSeconds(sentSecondsFromNow)), ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_WithInvocationIdHeader_DeliveryIdIsInvocationId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(InvocationId, result.DeliveryId);
    }

    [Fact]
    public void Verify_WithoutInvocationIdHeader_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now, invocationId: null), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var signed = Signed(Secret, Now);
        var requests = new[]
        {
            Without(signed, ZendeskProvider.SignatureHeader),
            Without(signed, ZendeskProvider.TimestampHeader),
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
