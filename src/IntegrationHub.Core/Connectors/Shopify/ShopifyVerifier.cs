using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>Verifies Shopify's scheme: <c>X-Shopify-Hmac-Sha256</c> is the base64 HMAC-SHA256 of the raw body keyed by the
/// app's client secret (UTF-8 text). Shopify signs no timestamp, so there is no replay window to enforce. The delivery id
/// is <c>X-Shopify-Webhook-Id</c>, else <c>X-Shopify-Event-Id</c>, else one derived from the body.</summary>
public sealed class ShopifyVerifier : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;
    /// <summary>Longer ids are ignored: even fully escaped (three characters each) they must fit a 512-character table key.</summary>
    private const int MaxDeliveryIdLength = 128;

    public string Provider => ShopifyProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(ShopifyProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {ShopifyProvider.SignatureHeader} header is missing."));
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
            if (SignatureText.Base64Equals(signature, expected))
            {
                return VerificationResult.Valid(DeliveryId(request));
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"The {ShopifyProvider.SignatureHeader} signature matches no configured client secret."));
    }

    private static string DeliveryId(WebhookRequest request) =>
        Usable(request.Header(ShopifyProvider.WebhookIdHeader))
        ?? Usable(request.Header(ShopifyProvider.EventIdHeader))
        ?? ContentDeliveryId.For(request.Body.Span);

    private static string? Usable(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxDeliveryIdLength ? null : id;
}
