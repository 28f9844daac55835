using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>Signs as the vendors of the one-header body scheme do (<see cref="BodySignatureScheme"/>: Meta, Typeform,
/// Segment, Intercom, Shopify): the HMAC of the raw body keyed by the secret's UTF-8 text, hex or base64, after an
/// optional prefix.</summary>
/// <param name="Connection">The connection the test deliveries are posted to.</param>
/// <param name="Header">The signature header.</param>
/// <param name="Prefix">Text before the signature (<c>sha256=</c>), or empty.</param>
/// <param name="Algorithm">The HMAC's hash.</param>
/// <param name="Encoding">How the MAC is written.</param>
public sealed record BodyHmacSigner(string Connection, string Header, string Prefix, HashAlgorithmName Algorithm, SignatureEncoding Encoding)
{
    /// <summary>The MAC of <paramref name="body"/> as the vendor writes it, without the prefix.</summary>
    public string Digest(string secret, string body) => Write(Mac(Algorithm, secret, System.Text.Encoding.UTF8.GetBytes(body)), Encoding);

    /// <summary>A delivery of <paramref name="body"/> signed with <paramref name="secret"/>, and any further headers.</summary>
    public WebhookRequest Sign(string secret, string body, params (string Name, string? Value)[] headers) =>
        Request(body, Prefix + Digest(secret, body), headers);

    /// <summary>A delivery of <paramref name="body"/> whose signature header holds <paramref name="signature"/> (none when null).</summary>
    public WebhookRequest Request(string body, string? signature, params (string Name, string? Value)[] headers) =>
        WebhookRequests.Post(Connection, body, [(Header, signature), .. headers]);

    /// <summary>The HMAC of <paramref name="content"/> keyed by <paramref name="secret"/>'s UTF-8 text.</summary>
    public static byte[] Mac(HashAlgorithmName algorithm, string secret, byte[] content) =>
        CryptographicOperations.HmacData(algorithm, System.Text.Encoding.UTF8.GetBytes(secret), content);

    /// <summary>Signature bytes written as a vendor writes them.</summary>
    public static string Write(byte[] mac, SignatureEncoding encoding) =>
        encoding == SignatureEncoding.Hex ? Convert.ToHexStringLower(mac) : Convert.ToBase64String(mac);
}
