using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>The identity index on Azure Tables. Keys spread over 256 partitions per kind (<c>email-3f</c>: the kind
/// and the first two hex digits of the value's SHA-256), so no single partition takes all the load; the row key is the
/// value's SHA-256 — never the email itself, so no identifier appears in a storage URL, request log or error message —
/// and the entity holds the profile id. The first writer of a key wins.</summary>
public sealed class TableIdentityIndex(StorageResources storage) : IIdentityIndex
{
    private const string ProfileIdProperty = "ProfileId";
    private static readonly string[] Selected = [ProfileIdProperty];

    public async Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey(key), RowKey(key), Selected, cancellationToken);
        return response.HasValue ? response.Value!.GetString(ProfileIdProperty) : null;
    }

    public async Task<string> AddIfAbsentAsync(IdentityKey key, string profileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(PartitionKey(key), RowKey(key)) { [ProfileIdProperty] = profileId }, cancellationToken);
            return profileId;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await FindAsync(key, cancellationToken)
                ?? throw new InvalidOperationException($"Identity key of kind '{key.Kind}' conflicted but cannot be read.", e);
        }
    }

    private static string PartitionKey(IdentityKey key) =>
        TableKeys.For(key.Kind, nameof(key.Kind)) + "-" + RowKey(key)[..2];

    private static string RowKey(IdentityKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Value)));
}
