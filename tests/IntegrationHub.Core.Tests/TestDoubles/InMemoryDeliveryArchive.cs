using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

public sealed class InMemoryDeliveryArchive : IDeliveryArchive
{
    private readonly Dictionary<(string Connection, string DeliveryId), (ArchivedDelivery Delivery, bool Enqueued)> _items = [];

    public Task<ArchiveOutcome> AddAsync(ArchivedDelivery delivery, CancellationToken cancellationToken = default)
    {
        var key = (delivery.Connection, delivery.DeliveryId);
        if (_items.TryGetValue(key, out var existing))
        {
            return Task.FromResult(existing.Enqueued ? ArchiveOutcome.ExistsEnqueued : ArchiveOutcome.ExistsNotEnqueued);
        }
        _items[key] = (delivery, false);
        return Task.FromResult(ArchiveOutcome.Added);
    }

    public Task MarkEnqueuedAsync(string connection, string deliveryId, CancellationToken cancellationToken = default)
    {
        var key = (connection, deliveryId);
        _items[key] = (_items[key].Delivery, true);
        return Task.CompletedTask;
    }

    public Task<ArchivedDelivery?> GetAsync(string connection, string deliveryId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_items.TryGetValue((connection, deliveryId), out var item) ? item.Delivery : null);
}
