using Azure;
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

    private const string CountProperty = "Count";

    /// <summary>Azure's most entities in one batch, less the counter.</summary>
    private const int MaxRowsPerBatch = 99;

    /// <summary>Each round of a race lets one recorder through, so this many outlast any realistic pile-up.</summary>
    private const int MaxAttempts = 32;

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
        // Registered before anything is counted, so a counter is never left out of the total.
        await table.UpsertEntityAsync(new TableEntity(RegistryPartition, partitionKey), TableUpdateMode.Merge, cancellationToken);
        foreach (var chunk in entities.Chunk(MaxRowsPerBatch))
        {
            await RecordCountedAsync(table, partitionKey, chunk, cancellationToken);
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.UnmappedTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RegistryPartition}");
        var partitions = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(entity.RowKey);
        }
        var counts = await Task.WhenAll(partitions.Select(async p => (await ReadCounterAsync(table, p, cancellationToken)).Count));
        return counts.Sum();
    }

    /// <summary>Upserts the rows that exist, adds the ones that do not and raises the counter by as many, in one
    /// batch against the counter's version; a concurrent recorder moves that version (or adds a row first), and the
    /// batch is tried again from fresh reads.</summary>
    private static async Task RecordCountedAsync(TableClient table, string partitionKey, TableEntity[] rows, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (etag, count) = await ReadCounterAsync(table, partitionKey, cancellationToken);
            var exists = await Task.WhenAll(rows.Select(async r =>
                (await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, r.RowKey, ["RowKey"], cancellationToken)).HasValue));
            var added = exists.Count(e => !e);
            var actions = rows.Select((r, i) => new TableTransactionAction(
                exists[i] ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, r)).ToList();
            if (added > 0)
            {
                var counter = new TableEntity(partitionKey, CounterRow) { [CountProperty] = count + added };
                actions.Add(etag is { } version
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, version)
                    : new TableTransactionAction(TableTransactionActionType.Add, counter));
            }
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another recorder counted first: read again.
            }
        }
    }

    private static async Task<(ETag? ETag, long Count)> ReadCounterAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, CounterRow, [CountProperty], cancellationToken);
        return counter.HasValue ? (counter.Value!.ETag, counter.Value.GetInt64(CountProperty) ?? 0) : (null, 0);
    }
}
