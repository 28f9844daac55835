using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary>Activity: Saves the job's counts and cursor; says whether to stop.</summary>
public sealed class RecordReplayProgress(IReplaySteps steps)
{
    [Function(nameof(RecordReplayProgress))]
    public Task<ReplayCheckpoint> Run([ActivityTrigger] ReplayProgressInput input) => steps.RecordProgressAsync(input);
}
