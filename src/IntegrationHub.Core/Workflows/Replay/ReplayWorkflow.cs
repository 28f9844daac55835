using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;

namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>begin → per page of the archive: read → enqueue (each delivery as a replay of this job) → record progress
/// (the saved cursor is the next page's), stopping when an operator cancels → finish with the totals. Written once and run by both hosts, so it obeys the Durable rules: no
/// clock, no GUIDs, no I/O — only its steps and its input. Every step is idempotent and the job's cursor is saved per
/// page, so a retried step or a resumed job at worst queues one page twice; processing is idempotent.</summary>
public static class ReplayWorkflow
{
    public const string Name = "Replay";

    /// <summary>Deliveries read and queued per step: small enough for one activity's input, large enough to be quick.</summary>
    public const int PageSize = 100;

    /// <summary>Runs the job to its end, or for at most <paramref name="maxPages"/> pages: then it returns with status
    /// <c>running</c>, its cursor saved, and a host that keeps histories short (Durable's continue-as-new) runs it again
    /// with the same input to carry on.</summary>
    public static async Task<ReplayResult> RunAsync(IReplaySteps steps, ReplayInput input, int maxPages = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        long found = 0, enqueued = 0;
        try
        {
            var checkpoint = await steps.BeginAsync(input);
            (found, enqueued) = (checkpoint.Found, checkpoint.Enqueued);
            var cursor = checkpoint.Cursor;
            for (var pages = 0; !checkpoint.Stop; pages++)
            {
                if (pages == maxPages)
                {
                    return new ReplayResult(input.JobId, ReplayStatus.Running, found, enqueued);
                }
                var page = await steps.ReadPageAsync(new ReadReplayPageInput(input.Connection, input.From, input.To, cursor, PageSize));
                found += page.DeliveryIds.Count;
                if (page.DeliveryIds.Count > 0)
                {
                    await steps.EnqueueAsync(new EnqueueReplayInput(
                        input.JobId, [.. page.DeliveryIds.Select(id => new DeliveryMessage(input.Connection, id, input.JobId))]));
                    enqueued += page.DeliveryIds.Count;
                }
                cursor = page.Cursor;
                if (cursor is null)
                {
                    await steps.FinishAsync(new FinishReplayInput(input.JobId, ReplayStatus.Completed, found, enqueued));
                    return new ReplayResult(input.JobId, ReplayStatus.Completed, found, enqueued);
                }
                checkpoint = await steps.RecordProgressAsync(new ReplayProgressInput(input.JobId, found, enqueued, cursor));
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await steps.FinishAsync(new FinishReplayInput(input.JobId, ReplayStatus.Failed, found, enqueued, failure.Message));
            throw;
        }
        await steps.FinishAsync(new FinishReplayInput(input.JobId, ReplayStatus.Cancelled, found, enqueued));
        return new ReplayResult(input.JobId, ReplayStatus.Cancelled, found, enqueued);
    }
}
