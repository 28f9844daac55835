using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Unmapped;

/// <summary>Unmapped events on Azure Tables: PartitionKey = connection, RowKey = delivery id + event id, so a replayed
/// delivery upserts onto the same rows. Rows carry the provider, the source event type and the event time.</summary>
public sealed class TableUnmappedEventLog(StorageResources storage) : IUnmappedEventLog
{
    /// <summary>Azure's most entities in one batch.</summary>
    private const int MaxBatch = 100;

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
            });
        foreach (var chunk in entities.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.UnmappedTable, cancellationToken);
        long count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }
}
