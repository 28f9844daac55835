using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>normalise → (record unmapped) → for each event: resolve identity → merge → timeline → (publish the change
/// when a field changed) → (match the profile when a field matching reads changed). Written once and run by both hosts, so it obeys the Durable rules: no clock, no GUIDs, no
/// I/O — only its steps and its input.</summary>
public static class ProcessEventWorkflow
{
    public const string Name = "ProcessEvent";

    public static async Task<ProcessEventResult> RunAsync(IProcessEventSteps steps, ProcessEventInput input)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        var delivery = await steps.NormaliseAsync(input);
        if (delivery.Unmapped.Count > 0)
        {
            await steps.RecordUnmappedAsync(
                new RecordUnmappedInput(input.Connection, delivery.Provider, input.DeliveryId, delivery.Unmapped));
        }

        var profiles = new List<MergeProfileResult>();
        var anonymous = 0;
        foreach (var normalised in delivery.Events)
        {
            if (normalised.Person is null)
            {
                anonymous++;
                continue;
            }
            var profileId = await steps.ResolveProfileAsync(
                new ResolveProfileInput(input.Connection, normalised.Person, normalised.Interaction));
            if (profileId is null)
            {
                anonymous++;
                continue;
            }
            var merged = await steps.MergeProfileAsync(
                new MergeProfileInput(profileId, input.Connection, normalised.Interaction.EventId, normalised.Person));
            // The result is the orchestration's visible output: it names the changed fields but carries no values.
            profiles.Add(merged with { Winners = null });
            await steps.AppendTimelineAsync(new AppendTimelineInput(profileId, normalised.Interaction));
            if (merged.ChangedFields.Count > 0)
            {
                await steps.PublishProfileChangedAsync(new PublishProfileChangedInput(
                    ProfileChanged.For(profileId, normalised.Interaction, merged.Winners ?? new Dictionary<string, FieldValue>())));
            }
            if (merged.ChangedFields.Any(ProfileMatchRecord.Fields.Contains))
            {
                // Last: a probabilistic link may merge this profile into another, and the steps above name it as it was.
                await steps.MatchProfileAsync(new MatchProfileInput(profileId));
            }
        }
        return new ProcessEventResult(input.DeliveryId, profiles, delivery.Unmapped.Count, anonymous);
    }
}
