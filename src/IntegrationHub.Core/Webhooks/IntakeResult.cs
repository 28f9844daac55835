namespace IntegrationHub.Core.Webhooks;

/// <summary>What the webhook endpoint answers: accepted (202, with the delivery id) or a problem.</summary>
public sealed record IntakeResult(string? DeliveryId, bool Duplicate, WebhookProblem? Problem)
{
    public bool IsAccepted => Problem is null;

    public static IntakeResult Accepted(string deliveryId, bool duplicate) => new(deliveryId, duplicate, null);

    public static IntakeResult Rejected(WebhookProblem problem) => new(null, false, problem);
}
