using System.Text.Json;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>One event's facts, stored under each identifier it carries: its reference, source time and identifiers
/// (what the graph links), its traits and interaction (what profiles and timelines are rebuilt from), and the
/// operator's unlink of this identifier on this event.</summary>
internal static class FactEntity
{
    public const string Connection = "Connection";
    public const string EventId = "EventId";
    public const string Time = "Time";
    public const string Identifiers = "Identifiers";
    public const string Traits = "Traits";
    public const string Interaction = "Interaction";
    public const string Unlinked = "Unlinked";

    /// <summary>What a load reads: the graph's part, not the traits.</summary>
    public static IReadOnlyList<string> GraphColumns { get; } = [Connection, EventId, Time, Identifiers, Unlinked];

    private const int MaxPropertyLength = 32 * 1024;

    public static TableEntity Create(IdentityKey key, IdentityEvent e, string traits, string interaction, bool unlinked) =>
        new(IdentityRows.PartitionKey(key), IdentityRows.Fact(key, e.Ref))
        {
            [Connection] = e.Ref.Connection,
            [EventId] = e.Ref.EventId,
            [Time] = e.Time.ToUniversalTime(),
            [Identifiers] = Bounded(JsonSerializer.Serialize(e.Identifiers, StorageJson.Options)),
            [Traits] = Bounded(traits),
            [Interaction] = Bounded(interaction),
            [Unlinked] = unlinked,
        };

    public static IdentityEvent Event(TableEntity entity) => new(
        new EventRef(entity.GetString(Connection) ?? "", entity.GetString(EventId) ?? ""),
        entity.GetDateTimeOffset(Time) ?? default,
        JsonSerializer.Deserialize<List<IdentityKey>>(entity.GetString(Identifiers) ?? "[]", StorageJson.Options) ?? []);

    public static bool IsUnlinked(TableEntity entity) => entity.GetBoolean(Unlinked) ?? false;

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, StorageJson.Options);

    public static T Read<T>(TableEntity entity, string property) =>
        JsonSerializer.Deserialize<T>(entity.GetString(property) ?? "null", StorageJson.Options)
        ?? throw new InvalidOperationException($"A stored event has no {property}.");

    private static string Bounded(string json) => json.Length <= MaxPropertyLength
        ? json
        : throw new StorageLimitExceededException(
            $"An event's facts are {json.Length} characters as JSON; a table string property holds at most {MaxPropertyLength}.");
}
