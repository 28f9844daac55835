namespace IntegrationHub.Core.Webhooks;

/// <summary>The answer to a vendor's URL check: a plain-text body (often an echoed challenge), or a problem.</summary>
public sealed record HandshakeResult(string? Text, WebhookProblem? Problem)
{
    public bool IsAccepted => Problem is null;

    public static HandshakeResult Accepted(string text) => new(text, null);

    public static HandshakeResult Refused(WebhookProblem problem) => new(null, problem);
}
