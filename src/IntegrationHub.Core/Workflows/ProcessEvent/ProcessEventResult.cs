namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>What the workflow did with a delivery: the profiles it changed, and how many of its events were unmapped
/// or named no one the hub can identify.</summary>
public sealed record ProcessEventResult(
    string DeliveryId,
    IReadOnlyList<MergeProfileResult> Profiles,
    int UnmappedEvents,
    int AnonymousEvents)
{
    public const string Processed = "processed";
    public const string Unmapped = "unmapped";

    /// <summary><c>processed</c> when any event reached a profile, otherwise <c>unmapped</c>.</summary>
    public string Outcome => Profiles.Count > 0 ? Processed : Unmapped;
}
