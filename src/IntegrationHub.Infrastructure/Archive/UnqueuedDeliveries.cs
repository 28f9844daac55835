using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Finds archived deliveries whose queue message was never marked sent: the trace of a process that died
/// between archiving a delivery and queueing it. One partition scan per connection. Virtual, so a host's trigger can be
/// tested without storage.</summary>
public class UnqueuedDeliveries(StorageResources storage)
{
    /// <summary>The ids of <paramref name="connection"/>'s deliveries archived before <paramref name="receivedBefore"/>
    /// and not marked enqueued.</summary>
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
}
