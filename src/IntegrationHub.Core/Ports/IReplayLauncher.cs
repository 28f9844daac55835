using IntegrationHub.Core.Workflows.Replay;

namespace IntegrationHub.Core.Ports;

/// <summary>Starts the replay workflow for a recorded job: a Durable orchestration in the Functions app, a background
/// run in <c>hub serve</c>.</summary>
public interface IReplayLauncher
{
    Task LaunchAsync(ReplayInput input, CancellationToken cancellationToken = default);
}
