using System.Text.Json;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>The standalone host's transport: a Storage Queue holding each <see cref="DeliveryMessage"/> as JSON text.
/// Sends are group-committed (<see cref="GroupCommit"/>): deliveries accepted while a send is in flight go together in
/// the next message, a JSON array of up to <see cref="MaxPerMessage"/>. Every caller still returns only once the
/// message holding its delivery is stored, so a 202 still means "durably queued"; but a burst costs a few queue writes
/// instead of one each — Azurite writes queue messages one at a time, each flushed to disk, so one write per delivery
/// would cap intake at the disk's flush rate. Messages never expire; the archive stays the source of truth either way.</summary>
public sealed class StorageDeliveryQueue : IDeliveryQueue
{
    /// <summary>Deliveries in one queue message at most.</summary>
    public const int MaxPerMessage = 100;

    /// <summary>A queue message holds 64 KiB (of UTF-8 text: messages are not Base64-encoded); this leaves room to spare.</summary>
    public const int MaxMessageBytes = 60 * 1024;

    /// <summary>Azure's "never expires" time to live.</summary>
    internal static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    private readonly GroupCommit _sends;
    private readonly DeliveryArrivals _arrivals;

    public StorageDeliveryQueue(StorageResources storage, DeliveryArrivals arrivals)
    {
        _arrivals = arrivals;
        _sends = new GroupCommit(async batch =>
        {
            var queue = await storage.QueueAsync(StorageNames.DeliveryQueue, CancellationToken.None);
            await queue.SendMessageAsync(GroupCommit.Body(batch), visibilityTimeout: null, timeToLive: NeverExpires, CancellationToken.None);
        }, MaxPerMessage, MaxMessageBytes);
    }

    public async Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _sends.AddAsync(JsonSerializer.Serialize(message, StorageJson.Options), cancellationToken);
        _arrivals.Arrived();
    }
}
