using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Matching;

/// <summary>The blocking index on Azure Tables (<c>matchblocks</c>): PartitionKey = the hashed blocking key, RowKey =
/// a profile id, no other columns. A block is read by one partition scan of at most its cap plus one rows.</summary>
public sealed class TableMatchBlockIndex(StorageResources storage) : IMatchBlockIndex
{
    public async Task<IReadOnlyList<string>?> MembersAsync(string block, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var table = await storage.TableAsync(StorageNames.MatchBlocksTable, cancellationToken);
        var members = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Key(block)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, max + 1, ["RowKey"], cancellationToken))
        {
            members.Add(TableKeys.Unescape(row.RowKey));
            if (members.Count > max)
            {
                return null;
            }
        }
        return members;
    }

    public async Task AddAsync(string block, string profileId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.MatchBlocksTable, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Key(block), TableKeys.For(profileId, "profile id")), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string block, string profileId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.MatchBlocksTable, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(Key(block), TableKeys.For(profileId, "profile id"), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Another worker took it out first.
        }
    }

    private static string Key(string block) => TableKeys.For(block, "block key");
}
