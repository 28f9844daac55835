using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary>Activity: Queues a page of deliveries as replays of the job.</summary>
public sealed class EnqueueReplay(IReplaySteps steps)
{
    [Function(nameof(EnqueueReplay))]
    public Task Run([ActivityTrigger] EnqueueReplayInput input) => steps.EnqueueAsync(input);
}
