using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>The steps of the process-event workflow. The Functions app runs each as a Durable activity; the
/// standalone host calls <see cref="ProcessEventSteps"/> directly under a retry pipeline.</summary>
public interface IProcessEventSteps
{
    /// <summary>Reads the archived delivery into the canonical model.</summary>
    Task<NormalisedDelivery> NormaliseAsync(ProcessEventInput input);

    /// <summary>Records the event types the provider does not map, so they are counted and visible.</summary>
    Task RecordUnmappedAsync(RecordUnmappedInput input);

    /// <summary>Records the event in the identity graph and returns the id of the profile it belongs to (merging or
    /// founding profiles as the graph decides), or null when none of its identifiers may link anyone.</summary>
    Task<string?> ResolveProfileAsync(ResolveProfileInput input);

    /// <summary>Merges the person's traits into the profile and returns what changed.</summary>
    Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input);

    /// <summary>Adds the interaction to the profile's timeline (idempotently).</summary>
    Task AppendTimelineAsync(AppendTimelineInput input);

    /// <summary>Scores the profile against the profiles sharing a blocking key with it (probabilistic matching, when
    /// <c>Hub:Matching:ModelPath</c> names a model): links above the threshold, suggests the review band.</summary>
    Task<MatchProfileResult> MatchProfileAsync(MatchProfileInput input);

    /// <summary>Publishes what the event changed on the profile (<c>profile-changed</c>), at least once.</summary>
    Task PublishProfileChangedAsync(PublishProfileChangedInput input);
}
