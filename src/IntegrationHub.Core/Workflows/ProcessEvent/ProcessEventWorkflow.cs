namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>normalise → resolve identity → merge → timeline. Written once and run by both hosts, so it obeys the
/// Durable rules: no clock, no GUIDs, no I/O — only its steps and its input.</summary>
public static class ProcessEventWorkflow
{
    public const string Name = "ProcessEvent";

    public static async Task<ProcessEventResult> RunAsync(IProcessEventSteps steps, ProcessEventInput input)
    {
        var normalised = await steps.NormaliseAsync(input);
        if (normalised.Person is null)
        {
            return new ProcessEventResult(input.DeliveryId, ProcessEventResult.Unmapped, null, []);
        }

        var profileId = await steps.ResolveProfileAsync(new ResolveProfileInput(input.Connection, normalised.Person));
        var merge = await steps.MergeProfileAsync(
            new MergeProfileInput(profileId, input.Connection, normalised.Interaction.EventId, normalised.Person));
        await steps.AppendTimelineAsync(new AppendTimelineInput(profileId, normalised.Interaction));
        return new ProcessEventResult(input.DeliveryId, ProcessEventResult.Processed, profileId, merge.ChangedFields);
    }
}
