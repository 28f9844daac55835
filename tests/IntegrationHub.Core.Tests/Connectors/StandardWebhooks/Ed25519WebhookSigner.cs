using System.Globalization;
using System.Text;
using IntegrationHub.Core.Webhooks;
using NSec.Cryptography;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

/// <summary>Signs deliveries as an asymmetric (<c>v1a</c>) Standard Webhooks sender does, with a fresh Ed25519 key.</summary>
public sealed class Ed25519WebhookSigner : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    /// <summary>The public key as the spec serialises it: <c>whpk_</c> and the base64 of the raw 32 bytes.</summary>
    public string PublicKey => "whpk_" + Convert.ToBase64String(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Signature(string id, long timestamp, byte[] body) =>
        "v1a," + Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));

    public WebhookRequest Request(string connection, string id, DateTimeOffset sentAt, string body, string headerPrefix = "webhook")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = sentAt.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{headerPrefix}-id"] = id,
            [$"{headerPrefix}-timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            [$"{headerPrefix}-signature"] = Signature(id, timestamp, bytes),
        };
        return new WebhookRequest(connection, "POST", new Uri($"https://hub.example.test/api/webhooks/{connection}"), headers, bytes);
    }

    public void Dispose() => _key.Dispose();
}
