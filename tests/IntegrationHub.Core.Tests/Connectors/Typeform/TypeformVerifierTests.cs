using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Typeform;

public sealed class TypeformVerifierTests
{
    private const string Secret = "typeform-secret-retiring-0123";
    private const string NextSecret = "typeform-secret-current-3210";
    private const string Body = """{"event_id":"LtWXD3crgy","event_type":"form_response","form_response":{"form_id":"lT4Z3j","answers":[{"type":"email","email":"ada@example.com"}]}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static TypeformVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = TypeformProvider.Id, Secrets = [.. secrets] };

    private static WebhookRequest Request(string body, string? signature) =>
        new(
            "forms",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/forms"),
            signature is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [TypeformProvider.SignatureHeader] = signature },
            Encoding.UTF8.GetBytes(body));

    private static string Digest(string secret, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static WebhookRequest Signed(string secret, string body = Body) => Request(body, "sha256=" + Digest(secret, body));

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        // Arrange
        var vectors = TypeformVector.LoadAll();

        // Act
        var cases = TypeformVector.Cases();

        // Assert
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(2, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    [Theory]
    [MemberData(nameof(TypeformVector.Cases), MemberType = typeof(TypeformVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = TypeformVector.LoadAll()[index];
        var sut = CreateSut();
        var request = new WebhookRequest(
            "forms", "POST", new Uri("https://hub.example.test/api/webhooks/forms"), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

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
        Assert.Contains(TypeformProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
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
    public void Verify_DigestWithoutSha256Prefix_IsInvalidSignature()
    {
        // Arrange: the right digest, but not in Typeform's header format.
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, Digest(Secret, Body)), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        Assert.Contains("sha256=", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FormResponse_DeliveryIdIsEventId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("LtWXD3crgy", result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_BodyWithoutEventId_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        const string body = """{"event_type":"form_response","form_response":{"form_id":"lT4Z3j"}}""";
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
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
