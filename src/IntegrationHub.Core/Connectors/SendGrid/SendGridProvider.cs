namespace IntegrationHub.Core.Connectors.SendGrid;

/// <summary>The SendGrid (Twilio SendGrid) Event Webhook (README.md in this folder says exactly how SendGrid signs).</summary>
public static class SendGridProvider
{
    public const string Id = "sendgrid";

    /// <summary>Base64 DER ECDSA P-256 / SHA-256 signature of timestamp + body.</summary>
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";

    /// <summary>Unix time in seconds; signed with the body and checked against the hub's clock.</summary>
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";
}
