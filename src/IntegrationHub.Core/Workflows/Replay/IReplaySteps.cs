namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>The steps of the replay workflow. The Functions app runs each as a Durable activity; the standalone host
/// calls <see cref="ReplaySteps"/> directly under a retry pipeline. Each is safe to retry.</summary>
public interface IReplaySteps
{
    /// <summary>Marks the job running and returns where it stands (a resumed job carries on from its saved cursor).</summary>
    Task<ReplayCheckpoint> BeginAsync(ReplayInput input);

    /// <summary>Reads the next page of archived delivery ids in the range.</summary>
    Task<Ports.DeliveryIdPage> ReadPageAsync(ReadReplayPageInput input);

    /// <summary>Queues the deliveries for processing again.</summary>
    Task EnqueueAsync(EnqueueReplayInput input);

    /// <summary>Saves the counts and cursor, and says whether an operator has asked the job to stop.</summary>
    Task<ReplayCheckpoint> RecordProgressAsync(ReplayProgressInput input);

    /// <summary>Records how the job ended.</summary>
    Task FinishAsync(FinishReplayInput input);
}
