namespace IntegrationHub.Core.Connectors.Zendesk;

/// <summary>Zendesk: webhooks subscribed to Zendesk events or connected to triggers and automations, signed with the
/// webhook's signing secret.</summary>
public static class ZendeskProvider
{
    public const string Id = "zendesk";

    /// <summary>Base64 HMAC-SHA256 of timestamp + body.</summary>
    public const string SignatureHeader = "X-Zendesk-Webhook-Signature";

    /// <summary>ISO 8601 UTC, e.g. <c>2021-03-25T05:09:27Z</c>; part of the signed content.</summary>
    public const string TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";

    /// <summary>Zendesk's id for one invocation of the webhook (its retries are attempts of the same invocation).</summary>
    public const string InvocationIdHeader = "X-Zendesk-Webhook-Invocation-Id";
}
