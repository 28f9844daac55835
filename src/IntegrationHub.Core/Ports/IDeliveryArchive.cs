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
}
