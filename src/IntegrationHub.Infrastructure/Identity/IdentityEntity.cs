using System.Text.Json;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Infrastructure.Profiles;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>A profile's identity as the <c>identity</c> row of its partition in the <c>profiles</c> table, beside
/// its <c>profile</c> row: the <see cref="IdentityProfile"/> as JSON (split like the profile), or — once the id is
/// retired by a merge or a rename — a tombstone naming the pointer row of the identifier the id was derived from.</summary>
internal static class IdentityEntity
{
    public const string RowKey = "identity";
    private const string Property = "Identity";
    private const string OriginPartition = "OriginPartition";
    private const string OriginRow = "OriginRow";

    public static TableEntity Live(IdentityProfile profile) => ProfileEntity.Create(
        PartitionKey(profile.Id), RowKey, Property, profile.Id, JsonSerializer.Serialize(profile, StorageJson.Options));

    public static TableEntity Tombstone(string profileId, string? originPartition, string? originRow) =>
        new(PartitionKey(profileId), RowKey)
        {
            [OriginPartition] = originPartition,
            [OriginRow] = originRow,
        };

    public static bool IsTombstone(TableEntity entity) => entity.GetString(Property) is null;

    public static IdentityProfile? Profile(TableEntity entity) => IsTombstone(entity)
        ? null
        : JsonSerializer.Deserialize<IdentityProfile>(ProfileEntity.Json(entity, Property), StorageJson.Options);

    public static (string Partition, string Row)? Origin(TableEntity entity) =>
        entity.GetString(OriginPartition) is { } partition && entity.GetString(OriginRow) is { } row ? (partition, row) : null;

    public static string PartitionKey(string profileId) => TableKeys.For(profileId, nameof(profileId));
}
