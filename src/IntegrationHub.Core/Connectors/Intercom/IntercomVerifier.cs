using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Verifies Intercom's signed notifications: <c>X-Hub-Signature: sha1=&lt;hex&gt;</c>, the HMAC-SHA1 of the raw
/// body keyed by the app's client secret (UTF-8 text). Intercom signs no timestamp. The delivery id is the notification's
/// top-level <c>id</c> (<c>notif_…</c>): the body counts <c>delivery_attempts</c>, so an id derived from it would likely
/// differ between retries; it is only the fallback.</summary>
public sealed class IntercomVerifier : IWebhookVerifier
{
    // HMAC-SHA1 is Intercom's scheme, not our choice; as a MAC it is not broken by SHA-1 collisions.
    private static readonly BodySignatureScheme Scheme =
        new(IntercomProvider.SignatureHeader, "sha1=", HashAlgorithmName.SHA1, SignatureEncoding.Hex, "client secret");

    private static readonly VerificationResult ValidNotification =
        VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("id"));

    public string Provider => IntercomProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        Scheme.Check(request, connection.Secrets) is { } problem ? VerificationResult.Invalid(problem) : ValidNotification;
}
