using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Segment;

public sealed class SegmentVerifierTests : BodyHmacVerifierTests
{
    // Segment's scheme is HMAC-SHA1; the tests sign as Segment does.
    protected override BodyHmacSigner Signer { get; } =
        new("cdp", SegmentProvider.SignatureHeader, "", HashAlgorithmName.SHA1, SignatureEncoding.Hex);

    protected override string Secret => "segment-shared-secret-retiring";

    protected override string NextSecret => "segment-shared-secret-current";

    protected override string Body => """{"type":"identify","traits":{"email":"ada@example.com","messageId":"nested-not-this"},"userId":"97980cfea0067","messageId":"022bb90c-bbac-11e4-8dfc-aa07a5b093db"}""";

    protected override IWebhookVerifier CreateSut() => new SegmentVerifier();

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(SegmentVector.LoadAll(), SegmentVector.Cases(), 2);
    }

    [Theory]
    [MemberData(nameof(SegmentVector.Cases), MemberType = typeof(SegmentVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = SegmentVector.LoadAll()[index];

        var result = VerifyVector(vector, index, note);

        if (vector.Valid)
        {
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        // Arrange
        var request = Signer.Request(Body, Signer.Digest(Secret, Body).ToUpperInvariant());

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_Message_DeliveryIdIsTopLevelMessageId()
    {
        // Act
        var result = Verify(Sign(Secret), Secret);

        // Assert
        Assert.Equal("022bb90c-bbac-11e4-8dfc-aa07a5b093db", VerifierAssert.DeliveryId(result, Body));
    }

    [Theory]
    [InlineData("""[{"type":"track","messageId":"m-1"},{"type":"track","messageId":"m-2"}]""")]
    [InlineData("""{"type":"track","event":"Signed Up"}""")]
    public void Verify_BatchOrMessageWithoutId_DeliveryIdIsDerivedFromContent(string body)
    {
        // Act
        var result = Verify(Sign(Secret, body), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), VerifierAssert.DeliveryId(result, body));
    }
}
