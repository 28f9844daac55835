using System.Text;
using Azure.Data.Tables;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Profiles;

/// <summary>A profile's JSON as table properties: <c>Profile</c>, then <c>Profile1</c>, <c>Profile2</c>, … when it
/// outgrows one string property (32K characters), up to Azure's 1 MiB per entity. The profile's identity (the
/// <c>identity</c> row beside it) is stored the same way under <c>Identity</c>.</summary>
internal static class ProfileEntity
{
    public const string RowKey = "profile";
    public const string Property = "Profile";
    public const int MaxChunkLength = 32 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;

    public static TableEntity Create(string partitionKey, string profileId, string json) =>
        Create(partitionKey, RowKey, Property, profileId, json);

    /// <summary>An entity holding <paramref name="json"/> in <paramref name="property"/> and its numbered successors.</summary>
    /// <exception cref="StorageLimitExceededException">The JSON does not fit one entity.</exception>
    public static TableEntity Create(string partitionKey, string rowKey, string property, string profileId, string json)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        var size = 4 + (2 * (partitionKey.Length + rowKey.Length));
        var start = 0;
        for (var part = 0; start < json.Length || part == 0; part++)
        {
            var length = Math.Min(MaxChunkLength, json.Length - start);
            if (length > 0 && start + length < json.Length && char.IsHighSurrogate(json[start + length - 1]))
            {
                length--;
            }
            var name = part == 0 ? property : property + part;
            entity[name] = json.Substring(start, length);
            size += 8 + (2 * name.Length) + 4 + (2 * length);
            start += length;
        }
        return size <= MaxEntityBytes
            ? entity
            : throw new StorageLimitExceededException(
                $"Profile '{profileId}' ({rowKey}) is {json.Length} characters as JSON ({size} bytes as an entity); Azure Table Storage holds at most {MaxEntityBytes} bytes per entity.");
    }

    public static string Json(TableEntity entity) => Json(entity, Property);

    /// <summary>The JSON <see cref="Create(string, string, string, string, string)"/> split over <paramref name="property"/>.</summary>
    public static string Json(TableEntity entity, string property)
    {
        var json = new StringBuilder(entity.GetString(property));
        for (var part = 1; entity.GetString(property + part) is { } chunk; part++)
        {
            json.Append(chunk);
        }
        return json.ToString();
    }
}
