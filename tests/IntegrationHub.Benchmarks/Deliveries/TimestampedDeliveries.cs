using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using static IntegrationHub.Benchmarks.Payload;

namespace IntegrationHub.Benchmarks.Deliveries;

/// <summary>Vendors that sign a timestamp with the body (HMAC-SHA256 keyed by the secret's UTF-8 text) and enforce a
/// replay window.</summary>
public static class TimestampedDeliveries
{
    private const string Secret = "whsec_benchmark_signing_secret_0123456789";
    private static readonly IOptions<HubOptions> Hub = Options.Create(new HubOptions());
    private static readonly string Seconds = SignedDelivery.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static SignedDelivery Stripe(int bytes)
    {
        var body = Sized(bytes, """{"id":"evt_1PqRsT","object":"event","type":"customer.updated","data":{"object":{"email":"ada@example.com","description":"{FILL}"}}}""");
        var signed = Utf8($"{Seconds}.{body}");
        return Create(new StripeVerifier(Hub), StripeProvider.Id, body, signed,
            (StripeProvider.SignatureHeader, $"t={Seconds},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), signed))}"));
    }

    public static SignedDelivery Calendly(int bytes)
    {
        var body = Sized(bytes, """{"event":"invitee.created","payload":{"email":"ada@example.com","questions_and_answers":[{"answer":"{FILL}"}]}}""");
        var signed = Utf8($"{Seconds}.{body}");
        return Create(new CalendlyVerifier(Hub), CalendlyProvider.Id, body, signed,
            (CalendlyProvider.SignatureHeader, $"t={Seconds},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), signed))}"));
    }

    public static SignedDelivery Slack(int bytes)
    {
        var body = Sized(bytes, """{"token":"x","team_id":"T1DC2JH3J","event":{"type":"message","text":"{FILL}"},"type":"event_callback","event_id":"Ev08MFMKH6","event_time":1795426200}""");
        var signed = Utf8($"v0:{Seconds}:{body}");
        return Create(new SlackVerifier(Hub), SlackProvider.Id, body, signed,
            (SlackProvider.SignatureHeader, "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(Secret), signed))),
            (SlackProvider.TimestampHeader, Seconds));
    }

    public static SignedDelivery Zendesk(int bytes)
    {
        var timestamp = SignedDelivery.Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = Sized(bytes, """{"type":"zen:event-type:ticket.comment_added","detail":{"id":"35436"},"event":{"comment":{"body":"{FILL}"}}}""");
        var signed = Utf8(timestamp + body);
        return Create(new ZendeskVerifier(Hub), ZendeskProvider.Id, body, signed,
            (ZendeskProvider.SignatureHeader, Convert.ToBase64String(HMACSHA256.HashData(Utf8(Secret), signed))),
            (ZendeskProvider.TimestampHeader, timestamp),
            (ZendeskProvider.InvocationIdHeader, "8350205123"));
    }

    private static SignedDelivery Create(
        IWebhookVerifier verifier, string provider, string body, byte[] signed, params (string Name, string Value)[] headers) =>
        new(verifier,
            new WebhookRequest("bench", "POST", new Uri("https://hub.example.com/api/webhooks/bench"), Headers(headers), Utf8(body)),
            new ConnectionOptions { Provider = provider, Secrets = [Secret] },
            Primitive.HmacSha256(Utf8(Secret), signed));
}
