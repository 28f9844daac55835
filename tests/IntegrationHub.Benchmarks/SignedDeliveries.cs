using IntegrationHub.Benchmarks.Deliveries;

namespace IntegrationHub.Benchmarks;

/// <summary>Every scheme the hub verifies, by the name the benchmark table shows.</summary>
public static class SignedDeliveries
{
    public static IReadOnlyList<string> Schemes { get; } =
    [
        "standard-webhooks v1", "standard-webhooks v1a", "stripe", "shopify", "hubspot v3", "hubspot v2", "mailchimp",
        "marketo", "segment", "intercom", "zendesk", "typeform", "sendgrid", "mailgun", "twilio form", "twilio json",
        "slack", "meta", "calendly",
    ];

    public static SignedDelivery Create(string scheme, int bodyBytes) => scheme switch
    {
        "standard-webhooks v1" => StandardWebhooksDeliveries.Symmetric(bodyBytes),
        "standard-webhooks v1a" => StandardWebhooksDeliveries.Ed25519(bodyBytes),
        "stripe" => TimestampedDeliveries.Stripe(bodyBytes),
        "shopify" => BodyHmacDeliveries.Shopify(bodyBytes),
        "hubspot v3" => HubSpotDeliveries.V3(bodyBytes),
        "hubspot v2" => HubSpotDeliveries.V2(bodyBytes),
        "mailchimp" => TokenDeliveries.Mailchimp(bodyBytes),
        "marketo" => TokenDeliveries.Marketo(bodyBytes),
        "segment" => BodyHmacDeliveries.Segment(bodyBytes),
        "intercom" => BodyHmacDeliveries.Intercom(bodyBytes),
        "zendesk" => TimestampedDeliveries.Zendesk(bodyBytes),
        "typeform" => BodyHmacDeliveries.Typeform(bodyBytes),
        "sendgrid" => SendGridDelivery.Create(bodyBytes),
        "mailgun" => MailgunDelivery.Create(bodyBytes),
        "twilio form" => TwilioDeliveries.Form(bodyBytes),
        "twilio json" => TwilioDeliveries.Json(bodyBytes),
        "slack" => TimestampedDeliveries.Slack(bodyBytes),
        "meta" => BodyHmacDeliveries.Meta(bodyBytes),
        "calendly" => TimestampedDeliveries.Calendly(bodyBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Not a scheme the benchmark knows."),
    };
}
