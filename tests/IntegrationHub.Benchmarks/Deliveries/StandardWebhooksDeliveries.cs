using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Standard Webhooks: <c>v1</c> (HMAC-SHA256 keyed by the <c>whsec_</c> secret's bytes) and <c>v1a</c> (Ed25519)
/// over <c>{id}.{timestamp}.{body}</c>.</summary>
public static class StandardWebhooksDeliveries
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_2LJz4Q8Vyl0c6m3Xy9kT1hB5aPq";
    private static readonly string Seconds = SignedDelivery.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static SignedDelivery Symmetric(int bytes)
    {
        var body = Body(bytes);
        var key = StandardWebhooksVerifier.SecretKey(Secret)!;
        var signed = Utf8($"{Id}.{Seconds}.{body}");
        var connection = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = [Secret] };
        return new SignedDelivery(Verifier(), Request(body, "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed))), connection,
            Primitive.HmacSha256(key, signed));
    }

    public static SignedDelivery Ed25519(int bytes)
    {
        var ed25519 = SignatureAlgorithm.Ed25519;
        using var key = Key.Create(ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var body = Body(bytes);
        var signed = Utf8($"{Id}.{Seconds}.{body}");
        var signature = ed25519.Sign(key, signed);
        var publicKey = key.PublicKey;
        var connection = new ConnectionOptions
        {
            Provider = StandardWebhooksProvider.Id,
            PublicKeys = ["whpk_" + Convert.ToBase64String(publicKey.Export(KeyBlobFormat.RawPublicKey))],
        };
        return new SignedDelivery(Verifier(), Request(body, "v1a," + Convert.ToBase64String(signature)), connection,
            () => ed25519.Verify(publicKey, signed, signature) ? 1 : 0);
    }

    private static string Body(int bytes) =>
        Sized(bytes, """{"type":"contact.updated","timestamp":"2026-11-23T09:30:00Z","data":{"id":"crm-42","email":"ada@example.com","notes":"{FILL}"}}""");

    private static StandardWebhooksVerifier Verifier() => new(Options.Create(new HubOptions()));

    private static WebhookRequest Request(string body, string signature) => new(
        "bench", "POST", new Uri("https://hub.example.com/api/webhooks/bench"),
        Headers(("webhook-id", Id), ("webhook-timestamp", Seconds), ("webhook-signature", signature)), Utf8(body));
}
