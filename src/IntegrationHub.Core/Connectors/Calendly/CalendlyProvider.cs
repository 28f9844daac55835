namespace IntegrationHub.Core.Connectors.Calendly;

/// <summary>Calendly: webhook subscriptions signed with the subscription's (or OAuth app's) webhook signing key.</summary>
public static class CalendlyProvider
{
    public const string Id = "calendly";

    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "Calendly-Webhook-Signature";
}
