using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary>Activity: Records how the job ended.</summary>
public sealed class FinishReplay(IReplaySteps steps)
{
    [Function(nameof(FinishReplay))]
    public Task Run([ActivityTrigger] FinishReplayInput input) => steps.FinishAsync(input);
}
