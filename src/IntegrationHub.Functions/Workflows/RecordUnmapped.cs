using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Records the event types the provider does not map.</summary>
public sealed class RecordUnmapped(IProcessEventSteps steps)
{
    [Function(nameof(RecordUnmapped))]
    public Task Run([ActivityTrigger] RecordUnmappedInput input) => steps.RecordUnmappedAsync(input);
}
