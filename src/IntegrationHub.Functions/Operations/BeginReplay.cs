using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary>Activity: Marks the job running and returns where it stands.</summary>
public sealed class BeginReplay(IReplaySteps steps)
{
    [Function(nameof(BeginReplay))]
    public Task<ReplayCheckpoint> Run([ActivityTrigger] ReplayInput input) => steps.BeginAsync(input);
}
