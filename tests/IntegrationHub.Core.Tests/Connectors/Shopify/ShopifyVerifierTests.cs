using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Shopify;

public sealed class ShopifyVerifierTests : BodyHmacVerifierTests
{
    private const string WebhookId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";

    protected override BodyHmacSigner Signer { get; } =
        new("shop", ShopifyProvider.SignatureHeader, "", HashAlgorithmName.SHA256, SignatureEncoding.Base64);

    protected override string Secret => "shpss_retiring_0123456789abcdef";

    protected override string NextSecret => "shpss_current_fedcba9876543210";

    protected override string Body => """{"id":706405506930370084,"email":"bob@example.com","first_name":"Bob"}""";

    protected override string Payload => "bob@example.com";

    protected override IWebhookVerifier CreateSut() => new ShopifyVerifier();

    protected override WebhookRequest Sign(string secret, string body) => Sign(secret, body, WebhookId);

    private WebhookRequest Sign(string secret, string body, string? webhookId, string? eventId = null) =>
        Signer.Sign(
            secret, body,
            (ShopifyProvider.TopicHeader, "customers/create"),
            (ShopifyProvider.WebhookIdHeader, webhookId),
            (ShopifyProvider.EventIdHeader, eventId));

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(ShopifyVector.LoadAll(), ShopifyVector.Cases(), 3);
    }

    [Theory]
    [MemberData(nameof(ShopifyVector.Cases), MemberType = typeof(ShopifyVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = ShopifyVector.LoadAll()[index];

        var result = VerifyVector(vector, index, note);

        if (vector.Valid)
        {
            Assert.Equal(vector.Headers[ShopifyProvider.WebhookIdHeader], result.DeliveryId);
        }
    }

    [Fact]
    public void Verify_VendorVectorWithOldAndNewSecretsConfigured_IsValid()
    {
        // Arrange: the derived vector signs with the current secret but configures only the old one; rotation adds both.
        var vector = ShopifyVector.LoadAll().Single(v => v.Secret == "OLD_API_SECRET_KEY");

        // Act
        var result = Verify(WebhookRequests.FromVector(Signer.Connection, vector), "OLD_API_SECRET_KEY", "API_SECRET_KEY");

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_OldDeliveryReplayed_IsStillValidBecauseShopifySignsNoTimestamp()
    {
        // Arrange: nothing in the signature dates the delivery, so the hub's clock cannot refuse it (dedupe catches it).
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Sign(Secret), ConnectionWith(Secret), Now.AddYears(3));

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(WebhookId, "01HZX5V0J5Q0W8Z5", WebhookId)]
    [InlineData(null, "01HZX5V0J5Q0W8Z5", "01HZX5V0J5Q0W8Z5")]
    [InlineData(" ", "01HZX5V0J5Q0W8Z5", "01HZX5V0J5Q0W8Z5")]
    public void Verify_DeliveryIdHeaders_PreferWebhookIdThenEventId(string? webhookId, string eventId, string expected)
    {
        // Act
        var result = Verify(Sign(Secret, Body, webhookId, eventId), Secret);

        // Assert
        Assert.Equal(expected, result.DeliveryId);
    }

    [Fact]
    public void Verify_OversizedWebhookIdHeader_FallsBackToEventId()
    {
        // Arrange: the id headers are not signed, so an id too long to be a storage key is ignored.
        var request = Sign(Secret, Body, new string('/', 200), "01HZX5V0J5Q0W8Z5");

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.Equal("01HZX5V0J5Q0W8Z5", result.DeliveryId);
    }

    [Fact]
    public void Verify_NoIdHeaders_DeliveryIdIsDerivedFromContent()
    {
        // Act
        var result = Verify(Sign(Secret, Body, webhookId: null), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), VerifierAssert.DeliveryId(result, Body));
    }
}
