using System.Collections.Concurrent;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Unmapped events in memory, one entry per connection, delivery and event, as the table keeps them.</summary>
public sealed class InMemoryUnmappedEventLog : IUnmappedEventLog
{
    private readonly ConcurrentDictionary<(string, string, string), UnmappedEvent> _events = new();

    public Task RecordAsync(string connection, string provider, string deliveryId, IReadOnlyList<UnmappedEvent> events, CancellationToken cancellationToken = default)
    {
        foreach (var e in events)
        {
            _events[(connection, deliveryId, e.EventId)] = e;
        }
        return Task.CompletedTask;
    }

    public Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)_events.Count);
}
