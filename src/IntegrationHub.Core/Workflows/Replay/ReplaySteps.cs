using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>The replay step services themselves, over the archive, the transport and the job store.</summary>
public sealed class ReplaySteps(IReplayJobStore jobs, IDeliveryArchive archive, IDeliveryQueue queue, TimeProvider time) : IReplaySteps
{
    /// <summary>Messages sent at once while queuing a page.</summary>
    private const int SendConcurrency = 8;

    public async Task<ReplayCheckpoint> BeginAsync(ReplayInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var job = await jobs.UpdateAsync(input.JobId, job => job.Status == ReplayStatus.Pending
            ? job with { Status = ReplayStatus.Running, StartedAt = time.GetUtcNow() }
            : job) ?? throw new InvalidOperationException($"Replay job '{input.JobId}' is not recorded.");
        return Checkpoint(job);
    }

    public Task<DeliveryIdPage> ReadPageAsync(ReadReplayPageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return archive.ListReceivedAsync(input.Connection, input.From, input.To, input.PageSize, input.Cursor);
    }

    public async Task EnqueueAsync(EnqueueReplayInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await Parallel.ForEachAsync(
            input.Messages,
            new ParallelOptions { MaxDegreeOfParallelism = SendConcurrency },
            async (message, cancellationToken) => await queue.EnqueueAsync(message, cancellationToken));
    }

    public async Task<ReplayCheckpoint> RecordProgressAsync(ReplayProgressInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var job = await jobs.UpdateAsync(input.JobId, job => ReplayStatus.IsFinished(job.Status)
            ? job
            : job with { Found = input.Found, Enqueued = input.Enqueued, Cursor = input.Cursor })
            ?? throw new InvalidOperationException($"Replay job '{input.JobId}' is not recorded.");
        return Checkpoint(job);
    }

    /// <summary>A finished job keeps its first ending, so a retried finish changes nothing.</summary>
    public Task FinishAsync(FinishReplayInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return jobs.UpdateAsync(input.JobId, job => ReplayStatus.IsFinished(job.Status)
            ? job
            : job with
            {
                Status = input.Status, Found = input.Found, Enqueued = input.Enqueued, FinishedAt = time.GetUtcNow(), Error = input.Error, Cursor = null,
            });
    }

    private static ReplayCheckpoint Checkpoint(ReplayJob job) =>
        new(job.Cursor, job.Found, job.Enqueued, job.Status is not (ReplayStatus.Pending or ReplayStatus.Running));
}
