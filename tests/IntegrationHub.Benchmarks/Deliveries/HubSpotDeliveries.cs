using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.HubSpot;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>HubSpot: v3 (base64 HMAC-SHA256 of method, URI, body and millisecond timestamp) and v2 (hex SHA-256 of the
/// client secret, method, URI and body), over a batch body.</summary>
public static class HubSpotDeliveries
{
    private const string Secret = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
    private const string Url = "https://hub.example.com/api/webhooks/crm";

    public static SignedDelivery V3(int bytes)
    {
        var body = Body(bytes);
        var milliseconds = SignedDelivery.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signed = Utf8("POST" + Url + body + milliseconds);
        return Create(body, Primitive.HmacSha256(Utf8(Secret), signed),
            (HubSpotProvider.SignatureV3Header, Convert.ToBase64String(HMACSHA256.HashData(Utf8(Secret), signed))),
            (HubSpotProvider.TimestampHeader, milliseconds));
    }

    public static SignedDelivery V2(int bytes)
    {
        var body = Body(bytes);
        var hashed = Utf8(Secret + "POST" + Url + body);
        return Create(body, Primitive.Sha256(hashed),
            (HubSpotProvider.SignatureHeader, Convert.ToHexStringLower(SHA256.HashData(hashed))),
            (HubSpotProvider.SignatureVersionHeader, "v2"));
    }

    private static string Body(int bytes) =>
        Sized(bytes, """[{"eventId":100,"subscriptionId":4,"portalId":62515,"occurredAt":1795426200000,"subscriptionType":"contact.propertyChange","objectId":123,"propertyName":"notes","propertyValue":"{FILL}"}]""");

    private static SignedDelivery Create(string body, Func<int> primitive, params (string Name, string Value)[] headers) =>
        new(new HubSpotVerifier(Options.Create(new HubOptions())),
            new WebhookRequest("crm", "POST", new Uri(Url), Headers(headers), Utf8(body)),
            new ConnectionOptions { Provider = HubSpotProvider.Id, Secrets = [Secret] },
            primitive);
}
