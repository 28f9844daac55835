using Azure;
using Azure.Data.Tables;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>A count kept in a row of the partition whose rows it counts, so one entity-group batch changes the rows and
/// the count together, against the count's version; and a registry partition listing every partition that has a
/// count, so the total is a scan of the registry and one point read per partition listed, never a scan of what is
/// counted (docs/storage.md, "Health without scans").</summary>
/// <param name="counterRow">The counter's row key in each counted partition; it must not be a key the counted rows use.</param>
/// <param name="registryPartition">The registry's partition key; it must not be a counted partition.</param>
internal sealed class PartitionCounter(string counterRow, string registryPartition)
{
    private const string CountProperty = "Count";

    /// <summary>Each round of a race lets one writer through, so this many outlast any realistic pile-up.</summary>
    private const int MaxAttempts = 32;

    /// <summary>Reads the count of <paramref name="partitionKey"/>, asks <paramref name="prepare"/> (given the attempt,
    /// from 1) for the batch to submit and how much it changes the count, and submits it with the count changed in the
    /// same batch, against the version read. A 409/412 (a concurrent writer moved the count or a row the batch
    /// expected) reads and prepares again. <paramref name="prepare"/> returns null when there is nothing to do, and may
    /// throw to stop. A partition is registered before its count is first written; a decrease with no count to lower
    /// changes no count.</summary>
    public async Task SubmitCountedAsync(
        TableClient table,
        string partitionKey,
        Func<int, CancellationToken, Task<CountedBatch?>> prepare,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (etag, count) = await ReadAsync(table, partitionKey, cancellationToken);
            if (await prepare(attempt, cancellationToken) is not { } batch)
            {
                return;
            }
            var actions = batch.Actions.ToList();
            if (batch.Delta != 0 && (etag is not null || batch.Delta > 0))
            {
                var counter = new TableEntity(partitionKey, counterRow) { [CountProperty] = Math.Max(0, count + batch.Delta) };
                if (etag is { } version)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, version));
                }
                else
                {
                    // Registered before anything is counted, so a count is never left out of the total.
                    await table.UpsertEntityAsync(new TableEntity(registryPartition, partitionKey), TableUpdateMode.Merge, cancellationToken);
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, counter));
                }
            }
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer got there first: read again.
            }
        }
    }

    /// <summary>The sum of every registered partition's count.</summary>
    public async Task<long> TotalAsync(TableClient table, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {registryPartition}");
        var partitions = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            partitions.Add(entity.RowKey);
        }
        var counts = await Task.WhenAll(partitions.Select(async p => (await ReadAsync(table, p, cancellationToken)).Count));
        return counts.Sum();
    }

    private async Task<(ETag? ETag, long Count)> ReadAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, counterRow, [CountProperty], cancellationToken);
        return counter.HasValue ? (counter.Value!.ETag, counter.Value.GetInt64(CountProperty) ?? 0) : (null, 0);
    }
}
