using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Calendly;

/// <summary>Verifies Calendly's scheme: <c>Calendly-Webhook-Signature: t=…,v1=…</c>, <c>v1</c> a hex HMAC-SHA256 of
/// <c>{t}.{body}</c> keyed by the webhook signing key's UTF-8 text, <c>t</c> within the hub's tolerance (Stripe's scheme,
/// see <see cref="TimestampedSignatureHeader"/>). Calendly sends no delivery id, so the id is derived from the body.</summary>
public sealed class CalendlyVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    public string Provider => CalendlyProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        TimestampedSignatureHeader.Check(
            request.Header(CalendlyProvider.SignatureHeader), CalendlyProvider.SignatureHeader, request.Body.Span,
            connection.Secrets, now, options.Value.TimestampTolerance) is { } problem
            ? VerificationResult.Invalid(problem)
            : VerificationResult.ValidWithoutId();
}
