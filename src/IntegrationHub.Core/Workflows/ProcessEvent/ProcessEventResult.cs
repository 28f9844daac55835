namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>What the workflow did: <c>processed</c> into a profile, or <c>unmapped</c> when the event names no one.</summary>
public sealed record ProcessEventResult(string DeliveryId, string Outcome, string? ProfileId, IReadOnlyList<string> ChangedFields)
{
    public const string Processed = "processed";
    public const string Unmapped = "unmapped";
}
