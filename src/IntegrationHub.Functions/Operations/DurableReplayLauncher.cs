using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace IntegrationHub.Functions.Operations;

/// <summary>Starts a replay as an orchestration whose instance id is the job's id.</summary>
internal sealed class DurableReplayLauncher(DurableTaskClient client) : IReplayLauncher
{
    public Task LaunchAsync(ReplayInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return client.ScheduleNewOrchestrationInstanceAsync(
            ReplayWorkflow.Name, input, new StartOrchestrationOptions(input.JobId), cancellationToken);
    }
}
