using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Intercom;

public sealed class IntercomVerifierTests : BodyHmacVerifierTests
{
    private const string Notification = """{"type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{"type":"contact","id":"530370b477ad7120001d","email":"ada@example.com"}},"id":"notif_78c122d0-23ba-11e4-9464-79b01267cc2e","topic":"contact.user.created","delivery_attempts":1}""";

    // Intercom's scheme is HMAC-SHA1; the tests sign as Intercom does.
    protected override BodyHmacSigner Signer { get; } =
        new("support", IntercomProvider.SignatureHeader, "sha1=", HashAlgorithmName.SHA1, SignatureEncoding.Hex);

    protected override string Secret => "intercom-client-secret-retiring";

    protected override string NextSecret => "intercom-client-secret-current";

    protected override string Body => Notification;

    protected override IWebhookVerifier CreateSut() => new IntercomVerifier();

    [Theory]
    [InlineData(Notification)]
    [InlineData("""{"type":"notification_event","topic":"ping","data":{"item":{"type":"ping","message":"Hello"}}}""")]
    [InlineData("{\n  \"type\" : \"notification_event\",\n  \"topic\" : \"user.created\",\n  \"data\" : { \"item\" : { \"name\" : \"Zoë Washburne ♥\" } }\n}\n")]
    public void Verify_SignedAsIntercomSigns_IsValid(string body)
    {
        // Arrange: compact, ping and pretty-printed non-ASCII bodies; the signature covers the bytes exactly as sent.
        var request = Sign(Secret, body);

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsInvalidSignature()
    {
        // Act
        var result = Verify(Sign("someone-else"), Secret, NextSecret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Theory]
    [InlineData("sha256=")]
    [InlineData("")]
    public void Verify_DigestWithoutSha1Prefix_IsInvalidSignature(string prefix)
    {
        // Act
        var result = Verify(Signer.Request(Body, prefix + Signer.Digest(Secret, Body)), Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_Notification_DeliveryIdIsNotificationId()
    {
        // Act
        var result = Verify(Sign(Secret), Secret);

        // Assert: the top-level id, not the item's.
        Assert.Equal("notif_78c122d0-23ba-11e4-9464-79b01267cc2e", VerifierAssert.DeliveryId(result, Body));
    }

    [Fact]
    public void Verify_RetriedNotification_KeepsTheSameDeliveryId()
    {
        // Arrange: a retry changes delivery_attempts, so the body (and any id derived from it) changes.
        var retry = Body.Replace("\"delivery_attempts\":1", "\"delivery_attempts\":2", StringComparison.Ordinal);

        // Act
        var first = Verify(Sign(Secret), Secret);
        var second = Verify(Sign(Secret, retry), Secret);

        // Assert
        Assert.Equal(VerifierAssert.DeliveryId(first, Body), VerifierAssert.DeliveryId(second, retry));
    }

    [Fact]
    public void Verify_BodyWithoutId_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        const string body = """{"type":"notification_event","topic":"ping"}""";

        // Act
        var result = Verify(Sign(Secret, body), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), VerifierAssert.DeliveryId(result, body));
    }
}
