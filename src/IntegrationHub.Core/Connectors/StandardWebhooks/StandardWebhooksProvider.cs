namespace IntegrationHub.Core.Connectors.StandardWebhooks;

/// <summary>The Standard Webhooks provider (https://www.standardwebhooks.com), the scheme Svix and many tools sign with.</summary>
public static class StandardWebhooksProvider
{
    public const string Id = "standard-webhooks";
}
