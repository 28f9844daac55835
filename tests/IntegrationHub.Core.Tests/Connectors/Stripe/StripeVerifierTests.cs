using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Stripe;

public sealed class StripeVerifierTests
{
    private const string Secret = "whsec_test_retiring_0123456789";
    private const string NextSecret = "whsec_test_current_9876543210";
    private const string Body = """{"id":"evt_1PqRsT","object":"event","type":"customer.created","data":{"object":{"email":"ada@example.com"}}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static StripeVerifier CreateSut(TimeSpan? tolerance = null) =>
        new(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = StripeProvider.Id, Secrets = [.. secrets] };

    private static string Signature(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    private static WebhookRequest Request(string body, string? header) =>
        new(
            "billing",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/billing"),
            header is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [StripeProvider.SignatureHeader] = header },
            Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Signed(string secret, DateTimeOffset sentAt, string body = Body)
    {
        var t = sentAt.ToUnixTimeSeconds();
        return Request(body, $"t={t},v1={Signature(secret, t, body)}");
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = StripeVector.LoadAll();

        // Act
        var cases = StripeVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(10, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(StripeVector.Cases), MemberType = typeof(StripeVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = StripeVector.LoadAll()[index];
        var sut = CreateSut(vector.Tolerance);
        var request = new WebhookRequest(
            "billing", "POST", new Uri("https://hub.example.test/api/webhooks/billing"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (vector.Valid)
        {
            Assert.Equal("evt_123", result.DeliveryIdFor(request.Body.Span));
        }
        else
        {
            var stale = vector.Timestamp is { } t && Math.Abs(vector.Now.ToUnixTimeSeconds() - t) > (vector.Tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds;
            Assert.Equal(stale ? "urn:integrationhub:problem:stale-timestamp" : "urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        }
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
        Assert.Contains("Stripe-Signature", result.Problem.Detail, StringComparison.Ordinal);
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
    public void Verify_SecondV1EntryMatches_IsValid()
    {
        // Arrange: while a secret is rolled Stripe sends one v1 per secret.
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Signature("whsec_other", t, Body)},v1={Signature(Secret, t, Body)}";
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, header), ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_CorrectSignatureLabelledV0_IsInvalidSignature()
    {
        // Arrange: only v1 is Stripe's live scheme.
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={new string('0', 64)},v0={Signature(Secret, t, Body)}";
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, header), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var signed = Signed(Secret, Now);
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.False(result.IsValid);
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
    public void Verify_ValidEvent_DeliveryIdIsEventId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, Now), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("evt_1PqRsT", result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("""{"object":"event","type":"customer.created"}""")]
    [InlineData("""{"data":{"id":"cus_nested"},"type":"customer.created"}""")]
    [InlineData("not json at all")]
    public void Verify_BodyWithoutTopLevelId_DeliveryIdIsDerivedFromContent(string body)
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
        // Arrange: one request per way to fail.
        var signed = Signed(Secret, Now);
        var requests = new[]
        {
            Request(Body, null),
            Request(Body, "t=,v1="),
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
