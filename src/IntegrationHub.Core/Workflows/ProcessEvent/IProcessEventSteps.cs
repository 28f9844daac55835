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

    /// <summary>Finds (or founds) the profile the person belongs to and returns its id.</summary>
    Task<string> ResolveProfileAsync(ResolveProfileInput input);

    /// <summary>Merges the person's traits into the profile and returns what changed.</summary>
    Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input);

    /// <summary>Adds the interaction to the profile's timeline (idempotently).</summary>
    Task AppendTimelineAsync(AppendTimelineInput input);

    /// <summary>Publishes what the event changed on the profile (<c>profile-changed</c>), at least once.</summary>
    Task PublishProfileChangedAsync(PublishProfileChangedInput input);
}
