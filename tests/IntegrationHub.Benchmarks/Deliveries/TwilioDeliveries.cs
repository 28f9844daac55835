using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Twilio;
using IntegrationHub.Core.Webhooks;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Twilio: base64 HMAC-SHA1 of the URL followed by the sorted form parameters; a JSON body is bound instead by
/// the URL's <c>bodySHA256</c> (so its primitives are SHA-256 of the body and HMAC-SHA1 of the URL).</summary>
public static class TwilioDeliveries
{
    private const string AuthToken = "12345678901234567890123456789012";
    private const string Url = "https://hub.example.com/api/webhooks/sms";

    public static SignedDelivery Form(int bytes)
    {
        var body = Sized(bytes, "AccountSid=AC9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d&Body={FILL}&From=%2B14155550100&MessageSid=SM1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c&To=%2B14155550199").Replace(' ', '+');
        var sorted = new StringBuilder(Url);
        foreach (var pair in body.Split('&').Select(p => p.Split('=', 2)).OrderBy(p => p[0], StringComparer.Ordinal))
        {
            sorted.Append(Uri.UnescapeDataString(pair[0])).Append(Uri.UnescapeDataString(pair[1].Replace('+', ' ')));
        }
        var signed = Utf8(sorted.ToString());
        return Create(Url, body, Primitive.HmacSha1(Utf8(AuthToken), signed), Sign(signed));
    }

    public static SignedDelivery Json(int bytes)
    {
        var body = Sized(bytes, """{"sid":"SM1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c","status":"delivered","body":"{FILL}"}""");
        var url = $"{Url}?bodySHA256={Convert.ToHexStringLower(SHA256.HashData(Utf8(body)))}";
        var bodyHash = Primitive.Sha256(Utf8(body));
        var urlMac = Primitive.HmacSha1(Utf8(AuthToken), Utf8(url));
        return Create(url, body, () => bodyHash() ^ urlMac(), Sign(Utf8(url)));
    }

#pragma warning disable CA5350 // HMAC-SHA1 is Twilio's scheme.
    private static string Sign(byte[] signed) => Convert.ToBase64String(HMACSHA1.HashData(Utf8(AuthToken), signed));
#pragma warning restore CA5350

    private static SignedDelivery Create(string url, string body, Func<int> primitive, string signature) =>
        new(new TwilioVerifier(),
            new WebhookRequest("sms", "POST", new Uri(url), Headers((TwilioProvider.SignatureHeader, signature)), Utf8(body)),
            new ConnectionOptions { Provider = TwilioProvider.Id, Secrets = [AuthToken] },
            primitive);
}
