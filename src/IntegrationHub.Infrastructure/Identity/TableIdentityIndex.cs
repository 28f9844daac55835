using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>Identifier → profile id on Azure Tables: a point read of the identifier's pointer row, which the identity
/// graph keeps (<see cref="TableIdentityGraphStore"/>; keys in <see cref="IdentityRows"/>: hashes, never the email).</summary>
public sealed class TableIdentityIndex(StorageResources storage) : IIdentityIndex
{
    private const string ProfileIdProperty = "ProfileId";
    private static readonly string[] Selected = [ProfileIdProperty];

    public async Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            IdentityRows.PartitionKey(key), IdentityRows.Pointer(key), Selected, cancellationToken);
        return response.HasValue && response.Value!.GetString(ProfileIdProperty) is { Length: > 0 } profileId ? profileId : null;
    }
}
