using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>The durable archive of accepted deliveries: the raw headers and body, keyed by connection and delivery id.</summary>
public interface IDeliveryArchive
{
    /// <summary>Archives a delivery unless one with the same id is already there, and says which.</summary>
    Task<ArchiveOutcome> AddAsync(ArchivedDelivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Records that the delivery's queue message was sent, so a redelivery is not queued again.</summary>
    Task MarkEnqueuedAsync(string connection, string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Reads an archived delivery, or null if there is none.</summary>
    Task<ArchivedDelivery?> GetAsync(string connection, string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Lists the ids of the connection's deliveries received from <paramref name="receivedFrom"/> up to (not
    /// including) <paramref name="receivedBefore"/>, oldest first, at most <paramref name="pageSize"/> at a time; pass
    /// the returned cursor back for the next page.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this archive returned.</exception>
    Task<DeliveryIdPage> ListReceivedAsync(
        string connection, DateTimeOffset receivedFrom, DateTimeOffset receivedBefore, int pageSize, string? cursor, CancellationToken cancellationToken = default);
}
