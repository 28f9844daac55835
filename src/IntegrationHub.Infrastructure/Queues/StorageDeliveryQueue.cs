using System.Text.Json;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>The standalone host's transport: a Storage Queue holding each <see cref="DeliveryMessage"/> as JSON
/// text. Messages never expire; the archive stays the source of truth either way.</summary>
public sealed class StorageDeliveryQueue(StorageResources storage) : IDeliveryQueue
{
    /// <summary>Azure's "never expires" time to live.</summary>
    internal static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await storage.QueueAsync(StorageNames.DeliveryQueue, cancellationToken);
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(message, StorageJson.Options), visibilityTimeout: null, timeToLive: NeverExpires, cancellationToken);
    }
}
