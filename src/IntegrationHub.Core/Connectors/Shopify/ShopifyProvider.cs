namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>Shopify: app webhook subscriptions delivered over HTTPS, signed with the app's client secret.</summary>
public static class ShopifyProvider
{
    public const string Id = "shopify";

    /// <summary>Base64 HMAC-SHA256 of the body.</summary>
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";

    /// <summary>The delivery's id (Shopify's current docs name it the duplicate-detection key).</summary>
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";

    /// <summary>The event's id (Shopify's older duplicate-detection guide names this one instead).</summary>
    public const string EventIdHeader = "X-Shopify-Event-Id";

    /// <summary>The topic, e.g. <c>orders/create</c>.</summary>
    public const string TopicHeader = "X-Shopify-Topic";
}
