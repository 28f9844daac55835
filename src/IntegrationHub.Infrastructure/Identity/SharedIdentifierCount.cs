using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>How many identifiers the identity graph treats as shared: those whose pointer carries the <c>Shared</c>
/// flag, because a commit found them shared or a load found them past <c>Hub:Identity:MaxEventsPerIdentifier</c>.
/// Counted per <c>identities</c> partition in a row <c>%C</c>, changed in the same batch as the flag, with a registry
/// partition <c>%C</c> listing the partitions that have a count (neither key meets a hashed row or an escaped kind), so
/// reading it never scans the identifiers.</summary>
public sealed class SharedIdentifierCount(StorageResources storage)
{
    internal static readonly PartitionCounter Counter = new("%C", "%C");

    /// <summary>The number of identifiers flagged shared now: a scan of the registry and one point read per partition
    /// listed.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        return await Counter.TotalAsync(table, cancellationToken);
    }
}
