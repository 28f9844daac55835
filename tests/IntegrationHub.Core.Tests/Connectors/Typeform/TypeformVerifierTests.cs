using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Typeform;

public sealed class TypeformVerifierTests : BodyHmacVerifierTests
{
    protected override BodyHmacSigner Signer { get; } =
        new("forms", TypeformProvider.SignatureHeader, "sha256=", HashAlgorithmName.SHA256, SignatureEncoding.Base64);

    protected override string Secret => "typeform-secret-retiring-0123";

    protected override string NextSecret => "typeform-secret-current-3210";

    protected override string Body => """{"event_id":"LtWXD3crgy","event_type":"form_response","form_response":{"form_id":"lT4Z3j","answers":[{"type":"email","email":"ada@example.com"}]}}""";

    protected override IWebhookVerifier CreateSut() => new TypeformVerifier();

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(TypeformVector.LoadAll(), TypeformVector.Cases(), 2);
    }

    [Theory]
    [MemberData(nameof(TypeformVector.Cases), MemberType = typeof(TypeformVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = TypeformVector.LoadAll()[index];

        var result = VerifyVector(vector, index, note);

        if (vector.Valid)
        {
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Fact]
    public void Verify_DigestWithoutSha256Prefix_IsInvalidSignature()
    {
        // Arrange: the right digest, but not in Typeform's header format.
        var request = Signer.Request(Body, Signer.Digest(Secret, Body));

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
        Assert.Contains("sha256=", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_FormResponse_DeliveryIdIsEventId()
    {
        // Act
        var result = Verify(Sign(Secret), Secret);

        // Assert
        Assert.Equal("LtWXD3crgy", VerifierAssert.DeliveryId(result, Body));
    }

    [Fact]
    public void Verify_BodyWithoutEventId_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        const string body = """{"event_type":"form_response","form_response":{"form_id":"lT4Z3j"}}""";

        // Act
        var result = Verify(Sign(Secret, body), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), VerifierAssert.DeliveryId(result, body));
    }
}
