using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>Verifies Shopify's scheme: <c>X-Shopify-Hmac-Sha256</c> is the base64 HMAC-SHA256 of the raw body keyed by the
/// app's client secret (UTF-8 text). Shopify signs no timestamp, so there is no replay window to enforce. The delivery id
/// is <c>X-Shopify-Webhook-Id</c>, else <c>X-Shopify-Event-Id</c>, else one derived from the body.</summary>
public sealed class ShopifyVerifier : IWebhookVerifier
{
    private static readonly BodySignatureScheme Scheme =
        new(ShopifyProvider.SignatureHeader, "", HashAlgorithmName.SHA256, SignatureEncoding.Base64, "client secret");

    public string Provider => ShopifyProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        if (Scheme.Check(request, connection.Secrets) is { } problem)
        {
            return VerificationResult.Invalid(problem);
        }
        return (VendorDeliveryId.Usable(request.Header(ShopifyProvider.WebhookIdHeader))
                ?? VendorDeliveryId.Usable(request.Header(ShopifyProvider.EventIdHeader))) is { } id
            ? VerificationResult.Valid(id)
            : VerificationResult.ValidWithoutId();
    }
}
