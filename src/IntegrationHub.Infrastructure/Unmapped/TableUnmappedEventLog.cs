using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Unmapped;

/// <summary>Unmapped events on Azure Tables: PartitionKey = connection, RowKey = delivery id + event id, so a replayed
/// delivery upserts onto the same rows. Rows carry the provider, the source event type and the event time.
/// <para>Each connection's partition also holds a counter row (<see cref="CounterRow"/>), written in the same batch as
/// the rows it counts, against the version read, so it always equals the number of event rows in the partition; a
/// registry partition (<see cref="RegistryPartition"/>) lists the connections that have one. Counting is a scan of
/// the registry and one point read per connection listed, never a scan of the events (docs/storage.md).</para></summary>
public sealed class TableUnmappedEventLog(StorageResources storage) : IUnmappedEventLog
{
    /// <summary>No escaped key is <c>%</c> followed by anything but two hex digits, so neither key meets a real one.</summary>
    internal const string CounterRow = "%C";

    internal const string RegistryPartition = "%C";

    /// <summary>Azure's most entities in one batch, less the counter.</summary>
    private const int MaxRowsPerBatch = 99;

    private static readonly PartitionCounter Counter = new(CounterRow, RegistryPartition);

    public async Task RecordAsync(
        string connection, string provider, string deliveryId, IReadOnlyList<UnmappedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = await storage.TableAsync(StorageNames.UnmappedTable, cancellationToken);
        var partitionKey = TableKeys.For(connection, nameof(connection));
        var entities = events
            .DistinctBy(e => e.EventId)
            .Select(e => new TableEntity(partitionKey, TableKeys.For($"{deliveryId}|{e.EventId}", nameof(e.EventId)))
            {
                ["Provider"] = provider,
                ["SourceType"] = e.SourceType,
                ["DeliveryId"] = deliveryId,
                ["OccurredAt"] = e.OccurredAt,
            })
            .ToList();
        if (entities.Count == 0)
        {
            return;
        }
        foreach (var chunk in entities.Chunk(MaxRowsPerBatch))
        {
            await RecordCountedAsync(table, partitionKey, chunk, cancellationToken);
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.UnmappedTable, cancellationToken);
        return await Counter.TotalAsync(table, cancellationToken);
    }

    /// <summary>Upserts the rows that exist and adds the ones that do not, raising the counter by as many in the same
    /// batch; a concurrent recorder moves the counter (or adds a row first), and the batch is prepared again.</summary>
    private static Task RecordCountedAsync(TableClient table, string partitionKey, TableEntity[] rows, CancellationToken cancellationToken) =>
        Counter.SubmitCountedAsync(table, partitionKey, async (_, token) =>
        {
            var exists = await Task.WhenAll(rows.Select(async r =>
                (await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, r.RowKey, ["RowKey"], token)).HasValue));
            var actions = rows.Select((r, i) => new TableTransactionAction(
                exists[i] ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, r)).ToList();
            return new CountedBatch(actions, exists.Count(e => !e));
        }, cancellationToken);
}
