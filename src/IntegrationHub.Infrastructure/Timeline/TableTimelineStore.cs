using System.Buffers.Text;
using System.Text;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Timeline;

/// <summary>Each profile's timeline on Azure Tables: one partition per profile, newest first. Appending is an upsert
/// onto a row derived from the interaction, so appending the same one again changes nothing.</summary>
public sealed class TableTimelineStore(StorageResources storage) : ITimelineStore
{
    /// <summary>Entities per batch: Azure's limit for one entity group transaction.</summary>
    public const int MaxBatch = 100;

    public async Task AppendAsync(string profileId, Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var table = await storage.TableAsync(StorageNames.TimelineTable, cancellationToken);
        await table.UpsertEntityAsync(
            TimelineEntity.From(PartitionKey(profileId), interaction), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Lists the partition's row keys, deletes the rows not among <paramref name="interactions"/> and upserts
    /// the rest, in batches of at most <see cref="MaxBatch"/> (Azure's limit; Azurite does not enforce it).</summary>
    public async Task ReplaceAsync(string profileId, IReadOnlyCollection<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var table = await storage.TableAsync(StorageNames.TimelineTable, cancellationToken);
        var partitionKey = PartitionKey(profileId);
        var wanted = interactions
            .Select(i => TimelineEntity.From(partitionKey, i))
            .DistinctBy(e => e.RowKey, StringComparer.Ordinal)
            .ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        var stale = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (!wanted.ContainsKey(row.RowKey))
            {
                stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, row.RowKey), ETag.All));
            }
        }
        var actions = stale.Concat(wanted.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        foreach (var chunk in actions.Chunk(MaxBatch))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Returns up to <paramref name="pageSize"/> interactions, newest first, from where
    /// <paramref name="continuation"/> (a value this method returned) left off.</summary>
    /// <exception cref="ArgumentException"><paramref name="continuation"/> is not a token this store issued.</exception>
    public async Task<TimelinePage> ListAsync(
        string profileId, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var table = await storage.TableAsync(StorageNames.TimelineTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(profileId)}");
        var pages = table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
            .AsPages(ContinuationTokens.Decode(continuation), pageSize);
        await foreach (var page in pages)
        {
            return new TimelinePage([.. page.Values.Select(TimelineEntity.ToInteraction)], ContinuationTokens.Encode(page.ContinuationToken));
        }
        return new TimelinePage([], null);
    }

    private static string PartitionKey(string profileId) => TableKeys.For(profileId, nameof(profileId));
}
