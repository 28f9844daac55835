using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Verifies Stripe's scheme (<see cref="TimestampedSignatureHeader"/>): <c>Stripe-Signature: t=…,v1=…</c>, each
/// <c>v1</c> a hex HMAC-SHA256 of <c>{t}.{body}</c> keyed by the signing secret's UTF-8 text. Any <c>v1</c> may match
/// (Stripe sends two while a secret is rolled); other schemes (<c>v0</c>) are ignored. A genuine signature older or newer
/// than the hub's tolerance is stale. The delivery id is the event's own <c>id</c> (<c>evt_…</c>), which Stripe keeps
/// across retries.</summary>
public sealed class StripeVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private static readonly VerificationResult ValidEvent = VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("id"));

    public string Provider => StripeProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now) =>
        TimestampedSignatureHeader.Check(
            request.Header(StripeProvider.SignatureHeader), StripeProvider.SignatureHeader, request.Body.Span,
            connection.Secrets, now, options.Value.TimestampTolerance) is { } problem
            ? VerificationResult.Invalid(problem)
            : ValidEvent;
}
