using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Queues the deliveries a process archived but died before queueing (their vendor got no answer and may never
/// send them again), through whichever transport the host runs: <c>hub serve</c> at start-up, the Functions app on a
/// timer. A delivery queued twice is harmless: processing is idempotent (and Service Bus drops the copy by its id).</summary>
public sealed class UnqueuedDeliverySweep(
    UnqueuedDeliveries unqueued, SweepWatermarks watermarks, IDeliveryArchive archive, IDeliveryQueue queue)
{
    /// <summary>How far before its watermark a sweep starts reading again: received times are stamped by whichever
    /// instance took the delivery, so this covers any clock skew between that instance and the sweeping one.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>Queues <paramref name="connection"/>'s unqueued deliveries received before <paramref name="receivedBefore"/>,
    /// marks each enqueued, and returns how many. Reads the connection's whole archive partition.</summary>
    public Task<int> SweepAsync(string connection, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        QueueAsync(connection, unqueued.ListAsync(connection, receivedBefore, cancellationToken), cancellationToken);

    /// <summary>As <see cref="SweepAsync"/>, but reads only what arrived since the last sweep: the received index from the
    /// connection's watermark (less <see cref="Overlap"/>) up to <paramref name="receivedBefore"/>, then moves the
    /// watermark there unless another sweep moved it first. With no watermark yet it reads the whole partition once, as
    /// <see cref="SweepAsync"/> does, which also finds deliveries archived before the index existed. A run that fails
    /// leaves the watermark where it was, so the next run reads the same range again.</summary>
    public async Task<int> SweepSinceWatermarkAsync(string connection, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var mark = await watermarks.ReadAsync(connection, cancellationToken);
        var candidates = mark is null
            ? unqueued.ListAsync(connection, receivedBefore, cancellationToken)
            : unqueued.ListReceivedAsync(connection, mark.SweptBefore - Overlap, receivedBefore, cancellationToken);
        var queued = await QueueAsync(connection, candidates, cancellationToken);
        if (mark is null || receivedBefore > mark.SweptBefore)
        {
            // A lost race means another sweep read the same range and moved the watermark: nothing is left behind.
            await watermarks.TryAdvanceAsync(connection, mark, receivedBefore, cancellationToken);
        }
        return queued;
    }

    private async Task<int> QueueAsync(string connection, IAsyncEnumerable<string> deliveryIds, CancellationToken cancellationToken)
    {
        var queued = 0;
        await foreach (var deliveryId in deliveryIds.WithCancellation(cancellationToken))
        {
            await queue.EnqueueAsync(new DeliveryMessage(connection, deliveryId), cancellationToken);
            await archive.MarkEnqueuedAsync(connection, deliveryId, cancellationToken);
            queued++;
        }
        return queued;
    }
}
