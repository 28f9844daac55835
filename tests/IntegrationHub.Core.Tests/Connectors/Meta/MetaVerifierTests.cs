using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Meta;

public sealed class MetaVerifierTests
{
    private const string Secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private const string NextSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string Body = """{"object":"page","entry":[{"id":"153125381133","time":1714564800,"changes":[{"field":"leadgen","value":{"leadgen_id":"444444444444","page_id":"153125381133","created_time":1714564800}}]}]}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static MetaVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = MetaProvider.Id, Secrets = [.. secrets] };

    private static WebhookRequest Request(string body, string? signature) =>
        new(
            "leads",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/leads"),
            signature is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [MetaProvider.SignatureHeader] = signature },
            Encoding.UTF8.GetBytes(body));

    private static string Digest(string secret, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Signed(string secret, string body = Body) => Request(body, "sha256=" + Digest(secret, body));

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = MetaVector.LoadAll();

        // Act
        var cases = MetaVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(7, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(MetaVector.Cases), MemberType = typeof(MetaVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = MetaVector.LoadAll()[index];
        var sut = CreateSut();
        var request = new WebhookRequest(
            "leads", "POST", new Uri("https://hub.example.test/api/webhooks/leads"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

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
        Assert.Contains(MetaProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OnlyLegacySha1HeaderSent_IsMissingSignature()
    {
        // Arrange: Meta also sends X-Hub-Signature (SHA-1); the hub verifies only the SHA-256 header.
        var request = Request(Body, null) with
        {
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Hub-Signature"] = "sha1=" + new string('0', 40) },
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem!.Type);
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
        var request = Signed(Secret) with { Body = Encoding.UTF8.GetBytes(Body.Replace("444444444444", "555555555555", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_LeadgenNotification_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[]
        {
            Request(Body, null),
            Request(Body, Digest(Secret, Body)),
            Signed(Secret) with { Body = Encoding.UTF8.GetBytes("{}") },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(3, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("444444444444", text, StringComparison.Ordinal);
        });
    }
}
