namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Mailchimp audience webhooks (README.md in this folder says how they are secured: they are not signed).</summary>
public static class MailchimpProvider
{
    public const string Id = "mailchimp";

    /// <summary>Connection setting naming the query parameter that carries the shared secret token.</summary>
    public const string QueryTokenSetting = "QueryToken";

    /// <summary>The query parameter used when <see cref="QueryTokenSetting"/> is not set.</summary>
    public const string DefaultQueryToken = "token";
}
