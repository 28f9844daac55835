using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Workflows;

/// <summary>Activity: Adds the interaction to the person's timeline.</summary>
public sealed class AppendTimeline(IProcessEventSteps steps)
{
    [Function(nameof(AppendTimeline))]
    public Task Run([ActivityTrigger] AppendTimelineInput input) => steps.AppendTimelineAsync(input);
}
