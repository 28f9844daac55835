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
    public async Task AppendAsync(string profileId, Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var table = await storage.TableAsync(StorageNames.TimelineTable, cancellationToken);
        await table.UpsertEntityAsync(
            TimelineEntity.From(PartitionKey(profileId), interaction), TableUpdateMode.Replace, cancellationToken);
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
