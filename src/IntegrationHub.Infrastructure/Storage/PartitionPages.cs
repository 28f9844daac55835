using Azure.Data.Tables;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Reads a partition one page at a time, in key order, handing callers an opaque continuation.</summary>
internal static class PartitionPages
{
    /// <summary>Up to <paramref name="pageSize"/> rows, and the continuation of the next page (null on the last).</summary>
    /// <exception cref="ArgumentException"><paramref name="continuation"/> is not a token this hub issued.</exception>
    public static async Task<(IReadOnlyList<TableEntity> Rows, string? Continuation)> ReadAsync(
        TableClient table, string partitionKey, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
                           .AsPages(ContinuationTokens.Decode(continuation), pageSize))
        {
            return (page.Values, ContinuationTokens.Encode(page.ContinuationToken));
        }
        return ([], null);
    }
}
