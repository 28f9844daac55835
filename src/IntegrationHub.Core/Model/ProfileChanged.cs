using System.Security.Cryptography;
using System.Text.Json;

namespace IntegrationHub.Core.Model;

/// <summary>Tells downstream systems and the portal that a unified profile changed: which fields now have a different
/// winning value, that value and its provenance. Published as camelCase JSON on the Service Bus topic
/// <c>profile-changed</c> (Functions app) or the Storage Queue <c>profile-changed</c> (<c>hub serve</c>). Most are sent
/// because one event changed a profile (<see cref="Reason"/> <c>event</c>); the identity graph sends one for every
/// profile it rebuilds after a merge, a split, a rename or an operator's correction.
/// <para>Delivery is at least once: a retried step or a replayed workflow may publish the same change again, always
/// under the same <see cref="MessageId"/>, so consumers drop ids they have already handled (the Service Bus topic does
/// so itself within its duplicate-detection window). The values are personal data: consumers may store and show
/// them, never log them.</para></summary>
/// <param name="MessageId">Deterministic: <c>{profileId}:{connection}:{eventId}:{digest}</c> for an event's change,
/// <c>{profileId}:{reason}:{connection}:{eventId}:{digest}</c> (or <c>…:{reason}:operator:{digest}</c>) for a rebuild,
/// the digest being the first 16 hex digits of the SHA-256 of what changed as JSON, so a repeat of the same change has
/// the same id and a replay that changes something else does not; hashed whole when over 128 characters.</param>
/// <param name="ProfileId">The profile that changed.</param>
/// <param name="Connection">The connection (source) of the event that changed it; null when an operator's correction
/// (not naming an event) did.</param>
/// <param name="EventId">The source's id for that event; null as <paramref name="Connection"/>.</param>
/// <param name="DeliveryId">The delivery the event was read from; null when it is not known (an operator's correction).</param>
/// <param name="OccurredAt">When the source says the event happened (not when the hub processed it); for an operator's
/// correction, when it was made.</param>
/// <param name="Fields">Per changed field, its new winning value with source, source record id and source event time,
/// in the order the merge reported them. Empty when <see cref="Truncated"/>.</param>
public sealed record ProfileChanged(
    string MessageId,
    string ProfileId,
    string? Connection,
    string? EventId,
    string? DeliveryId,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, FieldValue> Fields)
{
    /// <summary>The Service Bus topic (Functions app) and the Storage Queue (<c>hub serve</c>) it is published on.</summary>
    public const string TopicName = "profile-changed";

    /// <summary><see cref="Reason"/> of a change one event made, merged into the profile incrementally.</summary>
    public const string EventReason = "event";

    private const int DigestLength = 16;

    /// <summary>Why it changed: <c>event</c>, or for a rebuild by the identity graph <c>merged</c> (others were merged
    /// into it: <see cref="RetiredIds"/>), <c>renamed</c> (it took over an id, in <see cref="RetiredIds"/>), <c>split</c>
    /// (it was split, or split off, from another) or <c>recomputed</c> (its events changed otherwise).</summary>
    public string Reason { get; init; } = EventReason;

    /// <summary>The names of the fields whose winning value changed (the keys of <see cref="Fields"/>, kept when the
    /// message is <see cref="Truncated"/>).</summary>
    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>Fields that no longer have any value (a split took the events that gave them away).</summary>
    public IReadOnlyList<string> RemovedFields { get; init; } = [];

    /// <summary>Former profile ids that now resolve to this profile (merged into it, or renamed to it).</summary>
    public IReadOnlyList<string> RetiredIds { get; init; } = [];

    /// <summary>True when the change was too large for one message: <see cref="Fields"/> is empty (and, past that,
    /// <see cref="ChangedFields"/> may be too); read the profile for the values.</summary>
    public bool Truncated { get; init; }

    /// <summary>The wire format: camelCase JSON, as every hub message.</summary>
    public static JsonSerializerOptions JsonOptions => DeliveryMessage.JsonOptions;

    /// <summary>The message for the fields <paramref name="interaction"/> changed on <paramref name="profileId"/>. A pure
    /// function of its arguments, so a replayed workflow builds the same message.</summary>
    public static ProfileChanged For(string profileId, Interaction interaction, IReadOnlyDictionary<string, FieldValue> fields)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(fields);
        var messageId = MessageIds.Bounded($"{profileId}:{interaction.Source}:{interaction.EventId}:{Digest(fields)}");
        return new(messageId, profileId, interaction.Source, interaction.EventId, interaction.DeliveryId, interaction.OccurredAt, fields)
        {
            ChangedFields = [.. fields.Keys],
        };
    }

    /// <summary>The message for a profile the identity graph rebuilt from its events. A pure function of its
    /// arguments, so recomputing the same rebuild (after a crash or a conflict) builds the same message.</summary>
    public static ProfileChanged Rebuilt(
        string profileId,
        string reason,
        ProfileChangeCause cause,
        IReadOnlyDictionary<string, FieldValue> fields,
        IReadOnlyList<string> removedFields,
        IReadOnlyList<string> retiredIds)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(fields);
        var origin = cause.EventId is null ? "operator" : $"{cause.Connection}:{cause.EventId}";
        var digest = Digest(new { fields, removedFields, retiredIds });
        return new(MessageIds.Bounded($"{profileId}:{reason}:{origin}:{digest}"), profileId, cause.Connection, cause.EventId, cause.DeliveryId, cause.OccurredAt, fields)
        {
            Reason = reason,
            ChangedFields = [.. fields.Keys],
            RemovedFields = removedFields,
            RetiredIds = retiredIds,
        };
    }

    /// <summary>The same change without the values, for a transport that cannot carry it whole: the field names, the
    /// retired ids and the same message id, so consumers know to read the profile.</summary>
    public ProfileChanged Trimmed() =>
        this with { Fields = new Dictionary<string, FieldValue>(), Truncated = true };

    /// <summary>The least that can be said: which profile changed, and why. Consumers read the profile.</summary>
    public ProfileChanged Minimal() =>
        Trimmed() with { ChangedFields = [], RemovedFields = [], RetiredIds = [] };

    /// <summary>The message as a transport sends it: itself as UTF-8 JSON when <paramref name="fits"/> accepts it,
    /// else <see cref="Trimmed"/>, else <see cref="Minimal"/> (a few hundred bytes, which every transport takes). A change
    /// too large to send must not fail its delivery for ever; its consumers read the profile instead.</summary>
    public (ProfileChanged Sent, byte[] Utf8Json) Fit(Func<ProfileChanged, byte[], bool> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        foreach (var candidate in new[] { this, Trimmed(), Minimal() })
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(candidate, JsonOptions);
            if (fits(candidate, json))
            {
                return (candidate, json);
            }
        }
        throw new InvalidOperationException($"Even the minimal profile-changed message {MessageId} does not fit the transport.");
    }

    private static string Digest<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, JsonOptions)))[..DigestLength];
}
