using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Segment;

public sealed class SegmentVerifierTests
{
    private const string Secret = "segment-shared-secret-retiring";
    private const string NextSecret = "segment-shared-secret-current";
    private const string Body = """{"type":"identify","traits":{"email":"ada@example.com","messageId":"nested-not-this"},"userId":"97980cfea0067","messageId":"022bb90c-bbac-11e4-8dfc-aa07a5b093db"}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static SegmentVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = SegmentProvider.Id, Secrets = [.. secrets] };

    private static WebhookRequest Request(string body, string? signature) =>
        new(
            "cdp",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/cdp"),
            signature is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [SegmentProvider.SignatureHeader] = signature },
            Encoding.UTF8.GetBytes(body));

    private static WebhookRequest Signed(string secret, string body = Body) =>
#pragma warning disable CA5350 // Segment's scheme is HMAC-SHA1; the test signs as Segment does.
        Request(body, Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
#pragma warning restore CA5350

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = SegmentVector.LoadAll();

        // Act
        var cases = SegmentVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(2, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(SegmentVector.Cases), MemberType = typeof(SegmentVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = SegmentVector.LoadAll()[index];
        var sut = CreateSut();
        var request = new WebhookRequest(
            "cdp", "POST", new Uri("https://hub.example.test/api/webhooks/cdp"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

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
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, null), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(SegmentProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(NextSecret), ConnectionWith(Secret, NextSecret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var request = Signed(Secret) with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        // Arrange
        var signed = Signed(Secret);
        var request = Request(Body, signed.Headers[SegmentProvider.SignatureHeader].ToUpperInvariant());
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_Message_DeliveryIdIsTopLevelMessageId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("022bb90c-bbac-11e4-8dfc-aa07a5b093db", result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("""[{"type":"track","messageId":"m-1"},{"type":"track","messageId":"m-2"}]""")]
    [InlineData("""{"type":"track","event":"Signed Up"}""")]
    public void Verify_BatchOrMessageWithoutId_DeliveryIdIsDerivedFromContent(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, body), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[] { Request(Body, null), Signed(Secret) with { Body = Encoding.UTF8.GetBytes("{}") } };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(2, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
