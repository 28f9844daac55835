using System.Security.Cryptography;
using System.Text.Json;

namespace IntegrationHub.Core.Model;

/// <summary>Tells downstream systems and the portal that one event changed a unified profile: which fields now have
/// a different winning value, that value and its provenance. Published as camelCase JSON on the Service Bus topic
/// <c>profile-changed</c> (Functions app) or the Storage Queue <c>profile-changed</c> (<c>hub serve</c>).
/// <para>Delivery is at least once: a retried step or a replayed workflow may publish the same change again, always
/// under the same <see cref="MessageId"/>, so consumers drop ids they have already handled (the Service Bus topic does
/// so itself within its duplicate-detection window). The values are personal data: consumers may store and show
/// them, never log them.</para></summary>
/// <param name="MessageId">Deterministic: <c>{profileId}:{connection}:{eventId}:{digest}</c>, the digest being the
/// first 16 hex digits of the SHA-256 of <paramref name="Fields"/> as JSON, so a repeat of the same change has the same
/// id and a replay that changes something else does not; hashed whole when over 128 characters.</param>
/// <param name="ProfileId">The profile that changed.</param>
/// <param name="Connection">The connection (source) of the event that changed it.</param>
/// <param name="EventId">The source's id for that event.</param>
/// <param name="DeliveryId">The delivery the event was read from.</param>
/// <param name="OccurredAt">When the source says the event happened (not when the hub processed it).</param>
/// <param name="Fields">Per changed field, its new winning value with source, source record id and source event time,
/// in the order the merge reported them.</param>
public sealed record ProfileChanged(
    string MessageId,
    string ProfileId,
    string Connection,
    string EventId,
    string DeliveryId,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, FieldValue> Fields)
{
    /// <summary>The Service Bus topic (Functions app) and the Storage Queue (<c>hub serve</c>) it is published on.</summary>
    public const string TopicName = "profile-changed";

    private const int DigestLength = 16;

    /// <summary>The wire format: camelCase JSON, as every hub message.</summary>
    public static JsonSerializerOptions JsonOptions => DeliveryMessage.JsonOptions;

    /// <summary>The message for the fields <paramref name="interaction"/> changed on <paramref name="profileId"/>. A pure
    /// function of its arguments, so a replayed workflow builds the same message.</summary>
    public static ProfileChanged For(string profileId, Interaction interaction, IReadOnlyDictionary<string, FieldValue> fields)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        ArgumentNullException.ThrowIfNull(fields);
        var digest = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(fields, JsonOptions)))[..DigestLength];
        var messageId = MessageIds.Bounded($"{profileId}:{interaction.Source}:{interaction.EventId}:{digest}");
        return new(messageId, profileId, interaction.Source, interaction.EventId, interaction.DeliveryId, interaction.OccurredAt, fields);
    }
}
