using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>Verifies Meta's event notifications: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw
/// body keyed by the app secret's UTF-8 text. Meta signs no timestamp and sends no delivery id, so the id is derived from
/// the body.</summary>
public sealed class MetaVerifier : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;
    private const string Prefix = "sha256=";

    public string Provider => MetaProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(MetaProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {MetaProvider.SignatureHeader} header is missing."));
        }
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {MetaProvider.SignatureHeader} header does not start with {Prefix}."));
        }
        var body = request.Body.Span;
        Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var secret in connection.Secrets)
        {
            ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                ? keyBuffer[..written]
                : Encoding.UTF8.GetBytes(secret);
            HMACSHA256.HashData(key, body, expected);
            if (SignatureText.HexEquals(signature.AsSpan(Prefix.Length), expected))
            {
                return VerificationResult.Valid(ContentDeliveryId.For(body));
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"The {MetaProvider.SignatureHeader} signature matches no configured app secret."));
    }
}
