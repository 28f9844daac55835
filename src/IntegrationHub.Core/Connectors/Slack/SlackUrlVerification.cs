using System.Diagnostics.CodeAnalysis;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Slack;

/// <summary>Answers Slack's check of an Events API Request URL: a signed POST <c>{"type":"url_verification",
/// "challenge":"…"}</c> that Slack expects answered 200 with the challenge as plain text. It is a check, not an event,
/// so nothing is archived.</summary>
public sealed class SlackUrlVerification : IWebhookChallenge
{
    public const string Type = "url_verification";

    public string Provider => SlackProvider.Id;

    public bool TryAnswer(WebhookRequest request, [NotNullWhen(true)] out string? text)
    {
        var body = request.Body.Span;
        // Every Events API callback passes through here: a quick search spares them the JSON reading.
        text = body.IndexOf("\"url_verification\""u8) >= 0 && TopLevelJson.FindString(body, "type"u8) == Type
            ? TopLevelJson.FindString(body, "challenge"u8)
            : null;
        return !string.IsNullOrEmpty(text);
    }
}
