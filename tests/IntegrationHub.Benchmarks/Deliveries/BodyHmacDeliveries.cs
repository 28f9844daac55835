using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Webhooks;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Vendors that sign the raw body alone with an HMAC keyed by the secret's UTF-8 text.</summary>
public static class BodyHmacDeliveries
{
    private const string Secret = "benchmark-client-secret-0123456789abcdef";

    public static SignedDelivery Shopify(int bytes)
    {
        var body = Utf8(Sized(bytes, """{"id":820982911946154508,"email":"ada@example.com","note":"{FILL}","tags":"vip"}"""));
        var mac = HMACSHA256.HashData(Utf8(Secret), body);
        return Create(new ShopifyVerifier(), ShopifyProvider.Id, body, Primitive.HmacSha256(Utf8(Secret), body),
            (ShopifyProvider.SignatureHeader, Convert.ToBase64String(mac)), (ShopifyProvider.TopicHeader, "customers/update"),
            (ShopifyProvider.WebhookIdHeader, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"));
    }

    public static SignedDelivery Meta(int bytes)
    {
        var body = Utf8(Sized(bytes, """{"object":"page","entry":[{"id":"1","changes":[{"field":"leadgen","value":{"note":"{FILL}"}}]}]}"""));
        var mac = HMACSHA256.HashData(Utf8(Secret), body);
        return Create(new MetaVerifier(), MetaProvider.Id, body, Primitive.HmacSha256(Utf8(Secret), body),
            (MetaProvider.SignatureHeader, "sha256=" + Convert.ToHexStringLower(mac)));
    }

    public static SignedDelivery Typeform(int bytes)
    {
        var body = Utf8(Sized(bytes, """{"event_id":"LtWXD3crgy","event_type":"form_response","form_response":{"answers":[{"type":"text","text":"{FILL}"}]}}"""));
        var mac = HMACSHA256.HashData(Utf8(Secret), body);
        return Create(new TypeformVerifier(), TypeformProvider.Id, body, Primitive.HmacSha256(Utf8(Secret), body),
            (TypeformProvider.SignatureHeader, "sha256=" + Convert.ToBase64String(mac)));
    }

#pragma warning disable CA5350 // HMAC-SHA1 is Segment's and Intercom's scheme.
    public static SignedDelivery Segment(int bytes)
    {
        var body = Utf8(Sized(bytes, """{"type":"track","event":"Note Added","properties":{"note":"{FILL}"},"messageId":"022bb90c-bbac-11e4-8dfc-aa07a5b093db"}"""));
        var mac = HMACSHA1.HashData(Utf8(Secret), body);
        return Create(new SegmentVerifier(), SegmentProvider.Id, body, Primitive.HmacSha1(Utf8(Secret), body),
            (SegmentProvider.SignatureHeader, Convert.ToHexStringLower(mac)));
    }

    public static SignedDelivery Intercom(int bytes)
    {
        var body = Utf8(Sized(bytes, """{"type":"notification_event","id":"notif_78c122d0","topic":"conversation.user.created","data":{"item":{"body":"{FILL}"}}}"""));
        var mac = HMACSHA1.HashData(Utf8(Secret), body);
        return Create(new IntercomVerifier(), IntercomProvider.Id, body, Primitive.HmacSha1(Utf8(Secret), body),
            (IntercomProvider.SignatureHeader, "sha1=" + Convert.ToHexStringLower(mac)));
    }
#pragma warning restore CA5350

    private static SignedDelivery Create(
        IWebhookVerifier verifier, string provider, byte[] body, Func<int> primitive, params (string Name, string Value)[] headers) =>
        new(verifier,
            new WebhookRequest("bench", "POST", new Uri("https://hub.example.com/api/webhooks/bench"), Headers(headers), body),
            new ConnectionOptions { Provider = provider, Secrets = [Secret] },
            primitive);
}
