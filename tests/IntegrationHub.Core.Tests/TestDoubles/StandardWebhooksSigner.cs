using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Signs deliveries as a Standard Webhooks sender does, independently of the verifier under test.</summary>
public sealed class StandardWebhooksSigner(byte[] key)
{
    public static StandardWebhooksSigner CreateDefault() => new([.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))]);

    public string Secret => "whsec_" + Convert.ToBase64String(key);

    public string Signature(string id, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }

    public Dictionary<string, string> Headers(string id, long timestamp, byte[] body) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-id"] = id,
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = Signature(id, timestamp, body),
        };

    public WebhookRequest Request(string connection, string id, DateTimeOffset sentAt, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return new WebhookRequest(
            connection,
            "POST",
            new Uri($"https://hub.example.test/api/webhooks/{connection}"),
            Headers(id, sentAt.ToUnixTimeSeconds(), bytes),
            bytes);
    }
}
