using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Queues the deliveries a process archived but died before queueing (their vendor got no answer and may never
/// send them again), through whichever transport the host runs: <c>hub serve</c> at start-up, the Functions app on a
/// timer. A delivery queued twice is harmless: processing is idempotent (and Service Bus drops the copy by its id).</summary>
public sealed class UnqueuedDeliverySweep(UnqueuedDeliveries unqueued, IDeliveryArchive archive, IDeliveryQueue queue)
{
    /// <summary>Queues <paramref name="connection"/>'s unqueued deliveries received before <paramref name="receivedBefore"/>,
    /// marks each enqueued, and returns how many.</summary>
    public async Task<int> SweepAsync(string connection, DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        var queued = 0;
        await foreach (var deliveryId in unqueued.ListAsync(connection, receivedBefore, cancellationToken))
        {
            await queue.EnqueueAsync(new DeliveryMessage(connection, deliveryId), cancellationToken);
            await archive.MarkEnqueuedAsync(connection, deliveryId, cancellationToken);
            queued++;
        }
        return queued;
    }
}
