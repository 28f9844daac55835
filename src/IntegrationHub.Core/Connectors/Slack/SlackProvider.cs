namespace IntegrationHub.Core.Connectors.Slack;

/// <summary>Slack: Events API callbacks, slash commands and interactivity payloads, signed with the app's signing secret.</summary>
public static class SlackProvider
{
    public const string Id = "slack";

    /// <summary><c>v0=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Slack-Signature";

    /// <summary>Unix seconds; part of the signed base string.</summary>
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
}
