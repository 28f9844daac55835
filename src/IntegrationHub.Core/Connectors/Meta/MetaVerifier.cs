using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>Verifies Meta's event notifications: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw
/// body keyed by the app secret's UTF-8 text. Meta signs no timestamp and sends no delivery id, so the id is derived from
/// the body.</summary>
public sealed class MetaVerifier : IWebhookVerifier
{
    private static readonly BodySignatureScheme Scheme =
        new(MetaProvider.SignatureHeader, "sha256=", HashAlgorithmName.SHA256, SignatureEncoding.Hex, "app secret");

    public string Provider => MetaProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        Scheme.Check(request, connection.Secrets) is { } problem ? VerificationResult.Invalid(problem) : VerificationResult.ValidWithoutId();
}
