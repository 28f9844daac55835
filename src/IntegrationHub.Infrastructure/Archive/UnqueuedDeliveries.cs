using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Finds archived deliveries whose queue message was never marked sent: the trace of a process that died
/// between archiving a delivery and queueing it. Virtual, so a host's trigger can be tested without storage.</summary>
public class UnqueuedDeliveries(StorageResources storage, IDeliveryArchive archive)
{
    /// <summary>Index rows read per request; each page's deliveries are then checked side by side.</summary>
    private const int PageSize = 1000;

    private const int CheckParallelism = 16;

    /// <summary>The ids of <paramref name="connection"/>'s deliveries archived before <paramref name="receivedBefore"/>
    /// and not marked enqueued: one filtered scan of the connection's whole partition (<c>Enqueued</c> is not a key, so
    /// Azure reads every entity), which also finds deliveries archived before the received index existed.</summary>
    public virtual async IAsyncEnumerable<string> ListAsync(
        string connection, DateTimeOffset receivedBefore, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var partitionKey = TableKeys.For(connection, nameof(connection));
        // Property names are literal here: CreateQueryFilter quotes every interpolated value as an operand.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partitionKey} and Enqueued eq {false} and ReceivedAt lt {receivedBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return TableKeys.Unescape(entity.RowKey);
        }
    }

    /// <summary>The ids of <paramref name="connection"/>'s deliveries received from <paramref name="receivedFrom"/> up to
    /// (not including) <paramref name="receivedBefore"/> and not marked enqueued: a key-range scan of the received
    /// index, then a point read of each listed delivery's <c>Enqueued</c> flag. It reads the range's rows only.</summary>
    public virtual async IAsyncEnumerable<string> ListReceivedAsync(
        string connection,
        DateTimeOffset receivedFrom,
        DateTimeOffset receivedBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var partitionKey = TableKeys.For(connection, nameof(connection));
        string? cursor = null;
        do
        {
            var page = await archive.ListReceivedAsync(connection, receivedFrom, receivedBefore, PageSize, cursor, cancellationToken);
            var unqueued = new bool[page.DeliveryIds.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, unqueued.Length),
                new ParallelOptions { MaxDegreeOfParallelism = CheckParallelism, CancellationToken = cancellationToken },
                async (i, token) => unqueued[i] = await IsUnqueuedAsync(table, partitionKey, page.DeliveryIds[i], token));
            for (var i = 0; i < unqueued.Length; i++)
            {
                if (unqueued[i])
                {
                    yield return page.DeliveryIds[i];
                }
            }
            cursor = page.Cursor;
        }
        while (cursor is not null);
    }

    private static async Task<bool> IsUnqueuedAsync(TableClient table, string partitionKey, string deliveryId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            partitionKey, TableKeys.For(deliveryId, nameof(deliveryId)), [DeliveryEntity.Enqueued], cancellationToken);
        return row.HasValue && row.Value!.GetBoolean(DeliveryEntity.Enqueued) != true;
    }
}
