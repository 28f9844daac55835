using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Events the hub acknowledged but does not map: recorded so they are counted and visible, never dropped.</summary>
public interface IUnmappedEventLog
{
    /// <summary>Records the delivery's unmapped events; recording the same ones again changes nothing.</summary>
    Task RecordAsync(string connection, string provider, string deliveryId, IReadOnlyList<UnmappedEvent> events, CancellationToken cancellationToken = default);

    /// <summary>How many unmapped events are recorded.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
