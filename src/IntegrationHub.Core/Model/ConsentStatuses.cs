namespace IntegrationHub.Core.Model;

/// <summary>Consent and subscription states per channel.</summary>
public static class ConsentStatuses
{
    public const string Subscribed = "subscribed";
    public const string Unsubscribed = "unsubscribed";
    /// <summary>The address bounced or was cleaned: do not send, whatever the person said.</summary>
    public const string Undeliverable = "undeliverable";
    public const string Pending = "pending";
}
