using System.Security.Cryptography;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Meta;

public sealed class MetaVerifierTests : BodyHmacVerifierTests
{
    private const string LeadgenId = "444444444444";

    protected override BodyHmacSigner Signer { get; } =
        new("leads", MetaProvider.SignatureHeader, "sha256=", HashAlgorithmName.SHA256, SignatureEncoding.Hex);

    protected override string Secret => "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    protected override string NextSecret => "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    protected override string Body => """{"object":"page","entry":[{"id":"153125381133","time":1714564800,"changes":[{"field":"leadgen","value":{"leadgen_id":"444444444444","page_id":"153125381133","created_time":1714564800}}]}]}""";

    protected override string Payload => LeadgenId;

    protected override string Tampered => Body.Replace(LeadgenId, "555555555555", StringComparison.Ordinal);

    protected override IWebhookVerifier CreateSut() => new MetaVerifier();

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(MetaVector.LoadAll(), MetaVector.Cases(), 7);
    }

    [Theory]
    [MemberData(nameof(MetaVector.Cases), MemberType = typeof(MetaVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = MetaVector.LoadAll()[index];

        var result = VerifyVector(vector, index, note);

        if (vector.Valid)
        {
            Assert.Equal(ContentDeliveryId.For(System.Text.Encoding.UTF8.GetBytes(vector.Body)), VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Fact]
    public void Verify_OnlyLegacySha1HeaderSent_IsMissingSignature()
    {
        // Arrange: Meta also sends X-Hub-Signature (SHA-1); the hub verifies only the SHA-256 header.
        var request = Signer.Request(Body, null, ("X-Hub-Signature", "sha1=" + new string('0', 40)));

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.Equal(VerifierAssert.MissingSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_LeadgenNotification_DeliveryIdIsDerivedFromContent()
    {
        // Act
        var result = Verify(Sign(Secret), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(System.Text.Encoding.UTF8.GetBytes(Body)), VerifierAssert.DeliveryId(result, Body));
    }
}
