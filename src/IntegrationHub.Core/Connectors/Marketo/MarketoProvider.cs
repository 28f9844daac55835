namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>Marketo webhooks, which the customer defines (README.md in this folder says how they are secured: they are
/// not signed).</summary>
public static class MarketoProvider
{
    public const string Id = "marketo";

    /// <summary>Connection setting naming the custom header that carries the shared secret, e.g. <c>X-Marketo-Token</c>.</summary>
    public const string TokenHeaderSetting = "TokenHeader";

    /// <summary>Connection setting naming the query parameter that carries the shared secret.</summary>
    public const string QueryTokenSetting = "QueryToken";
}
