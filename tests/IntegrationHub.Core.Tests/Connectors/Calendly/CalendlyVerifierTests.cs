using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Calendly;

/// <summary>Neither Calendly nor the shared test data publishes a signature vector, so these tests sign as Calendly's docs
/// describe — <c>t=&lt;seconds&gt;,v1=</c> + hex HMAC-SHA256 of <c>{t}.{body}</c> — with HMACSHA256 here.</summary>
public sealed class CalendlyVerifierTests
{
    private const string Secret = "calendly-signing-key-retiring";
    private const string NextSecret = "calendly-signing-key-current";
    private const string Body = """{"created_at":"2024-05-01T12:00:00.000000Z","created_by":"https://api.calendly.com/users/AAAA","event":"invitee.created","payload":{"email":"ada@example.com","uri":"https://api.calendly.com/scheduled_events/BBBB/invitees/CCCC"}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static CalendlyVerifier CreateSut(TimeSpan? tolerance = null) =>
        new(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = CalendlyProvider.Id, Secrets = [.. secrets] };

    private static string Digest(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    private static WebhookRequest Request(string body, string? header) =>
        new(
            "meetings",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/meetings"),
            header is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [CalendlyProvider.SignatureHeader] = header },
            Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Signed(string secret, DateTimeOffset sentAt, string body = Body)
    {
        var t = sentAt.ToUnixTimeSeconds();
        return Request(body, $"t={t},v1={Digest(secret, t, body)}");
    }

    [Fact]
    public void Verify_SignedAsCalendlySigns_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now), ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Null(result.Problem);
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, null), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(CalendlyProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1=abcdef")]
    [InlineData("t=1714564800")]
    [InlineData("t=soon,v1=abcdef")]
    [InlineData("t=1714564800,v1=")]
    [InlineData(",,")]
    public void Verify_MalformedHeader_IsInvalidSignatureNamingHeader(string header)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, header), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        Assert.Contains("malformed", result.Problem.Detail, StringComparison.Ordinal);
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
    public void Verify_TimestampMovedAfterSigning_IsInvalidSignature()
    {
        // Arrange: an old delivery re-dated into the window no longer matches, because t is signed.
        var sentAt = Now.AddHours(-1).ToUnixTimeSeconds();
        var header = $"t={Now.ToUnixTimeSeconds()},v1={Digest(Secret, sentAt, Body)}";
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, header), ConnectionWith(Secret), Now);

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
        Assert.Contains("300-second tolerance", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TighterHubTolerance_IsApplied()
    {
        // Arrange: Calendly's own sample allows three minutes; an operator can configure that.
        var sut = CreateSut(TimeSpan.FromMinutes(3));

        // Act
        var result = sut.Verify(Signed(Secret, Now.AddSeconds(-181)), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
    }

    [Fact]
    public void Verify_Valid_DeliveryIdIsDerivedFromContentSoResignedRetriesDedupe()
    {
        // Arrange: a retry is signed afresh (new t), with the same body.
        var sut = CreateSut();

        // Act
        var first = sut.Verify(Signed(Secret, Now.AddSeconds(-60)), ConnectionWith(Secret), Now);
        var retry = sut.Verify(Signed(Secret, Now), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), first.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(first.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)), retry.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[]
        {
            Request(Body, null),
            Request(Body, "t=,v1="),
            Signed(Secret, Now) with { Body = Encoding.UTF8.GetBytes("{}") },
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
