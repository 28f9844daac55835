namespace IntegrationHub.Core.Webhooks;

/// <summary>What the webhook endpoint answers: accepted (202, with the delivery id), a vendor's URL check answered (200
/// with <see cref="Answer"/>, nothing archived), or a problem.</summary>
public sealed record IntakeResult(string? DeliveryId, bool Duplicate, WebhookProblem? Problem)
{
    public bool IsAccepted => Problem is null;

    /// <summary>The text that answers a verified URL check (<see cref="IWebhookChallenge"/>); null for a delivery.</summary>
    public string? Answer { get; private init; }

    public static IntakeResult Accepted(string deliveryId, bool duplicate) => new(deliveryId, duplicate, null);

    public static IntakeResult Answered(string text) => new(null, false, null) { Answer = text };

    public static IntakeResult Rejected(WebhookProblem problem) => new(null, false, problem);
}
