using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Verifies Segment's scheme: <c>X-Signature</c> is the hex HMAC-SHA1 of the raw body keyed by the destination's
/// shared secret (UTF-8 text). Segment signs no timestamp. The delivery id is the message's top-level <c>messageId</c>
/// (set once by the Segment library that sent it); batches (a JSON array) and messages without one get an id derived from
/// the body.</summary>
public sealed class SegmentVerifier : IWebhookVerifier
{
    // HMAC-SHA1 is Segment's scheme, not our choice; as a MAC it is not broken by SHA-1 collisions.
    private static readonly BodySignatureScheme Scheme =
        new(SegmentProvider.SignatureHeader, "", HashAlgorithmName.SHA1, SignatureEncoding.Hex, "shared secret");

    private static readonly VerificationResult ValidMessage =
        VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("messageId"));

    public string Provider => SegmentProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        Scheme.Check(request, connection.Secrets) is { } problem ? VerificationResult.Invalid(problem) : ValidMessage;
}
