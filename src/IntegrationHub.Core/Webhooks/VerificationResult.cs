namespace IntegrationHub.Core.Webhooks;

/// <summary>The outcome of checking a delivery's signature.</summary>
public sealed record VerificationResult(bool IsValid, string? DeliveryId, WebhookProblem? Problem)
{
    public static VerificationResult Valid(string deliveryId) => new(true, deliveryId, null);

    public static VerificationResult Invalid(WebhookProblem problem) => new(false, null, problem);
}
