using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>Verifies Typeform's scheme: <c>Typeform-Signature: sha256=&lt;base64&gt;</c>, the HMAC-SHA256 of the raw body
/// keyed by the webhook secret's UTF-8 text. Typeform signs no timestamp. The delivery id is the body's top-level
/// <c>event_id</c>, else one derived from the body.</summary>
public sealed class TypeformVerifier : IWebhookVerifier
{
    private static readonly BodySignatureScheme Scheme =
        new(TypeformProvider.SignatureHeader, "sha256=", HashAlgorithmName.SHA256, SignatureEncoding.Base64, "secret");

    private static readonly VerificationResult ValidEvent =
        VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("event_id"));

    public string Provider => TypeformProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        Scheme.Check(request, connection.Secrets) is { } problem ? VerificationResult.Invalid(problem) : ValidEvent;
}
