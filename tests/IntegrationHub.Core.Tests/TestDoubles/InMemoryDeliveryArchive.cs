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

    /// <summary>Ordered by received time then id; the cursor is the number of deliveries already listed.</summary>
    public Task<DeliveryIdPage> ListReceivedAsync(
        string connection, DateTimeOffset receivedFrom, DateTimeOffset receivedBefore, int pageSize, string? cursor, CancellationToken cancellationToken = default)
    {
        var skip = cursor is null ? 0 : int.TryParse(cursor, out var n) ? n : throw new ArgumentException("Not a cursor.", nameof(cursor));
        var inRange = _items.Values
            .Select(item => item.Delivery)
            .Where(d => d.Connection == connection && d.ReceivedAt >= receivedFrom && d.ReceivedAt < receivedBefore)
            .OrderBy(d => d.ReceivedAt).ThenBy(d => d.DeliveryId, StringComparer.Ordinal)
            .ToList();
        var page = inRange.Skip(skip).Take(pageSize).Select(d => d.DeliveryId).ToList();
        var next = skip + page.Count;
        return Task.FromResult(new DeliveryIdPage(page, page.Count == pageSize && next < inRange.Count ? next.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));
    }
}
