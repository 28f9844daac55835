namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Intercom: webhook topic subscriptions of an Intercom app, signed with the app's client secret.</summary>
public static class IntercomProvider
{
    public const string Id = "intercom";

    /// <summary><c>sha1=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Hub-Signature";
}
