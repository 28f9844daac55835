using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Reads Intercom's notifications: one <c>notification_event</c> per delivery, its type in <c>topic</c>, its id in
/// <c>id</c>, its time in <c>created_at</c> (Unix seconds) and the object in <c>data.item</c> (README.md in this folder has
/// the mapping table).</summary>
public sealed class IntercomNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    public string Provider => IntercomProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection)
    {
        if (!Utf8.IsValid(body.Span))
        {
            return WebhookProblem.MalformedPayload("The body is not valid UTF-8.");
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return Check(document.RootElement);
        }
        catch (JsonException)
        {
            return WebhookProblem.MalformedPayload("The body is not valid JSON.");
        }
    }

    public NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection)
    {
        if (!Utf8.IsValid(delivery.Body.Span))
        {
            throw new MalformedPayloadException("The body is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(delivery.Body);
        }
        catch (JsonException)
        {
            throw new MalformedPayloadException("The body is not valid JSON.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (Check(root) is { } problem)
            {
                throw new MalformedPayloadException(problem.Detail);
            }
            var topic = FieldPath.Read(root, "topic")!;
            // Intercom's notification id; the verifier uses it as the delivery id too, and falls back to the body's hash.
            var eventId = FieldPath.Read(root, "id") ?? delivery.DeliveryId;
            var sentAt = CreatedAt(root);
            if (IntercomTopics.Map(topic) is not { } mapped)
            {
                return new NormalisedDelivery(
                    delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(topic, eventId, sentAt)]);
            }

            var occurredAt = sentAt ?? delivery.ReceivedAt;
            var item = root.GetProperty("data").TryGetProperty("item", out var value) && value.ValueKind == JsonValueKind.Object
                ? value
                : (JsonElement?)null;
            var interaction = new Interaction(
                mapped.Type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, topic, Summary(topic, mapped, item));
            var person = item is { } found ? Person(found, topic, mapped, occurredAt) : null;
            return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
        }
    }

    private PersonTraits? Person(JsonElement item, string topic, IntercomTopics.Mapping mapped, DateTimeOffset eventTime)
    {
        var contact = mapped.Person switch
        {
            IntercomTopics.PersonAt.Item => item,
            IntercomTopics.PersonAt.ItemContact => item.TryGetProperty("contact", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object
                ? wrapped
                : (JsonElement?)null,
            _ => IntercomContact.OfConversation(item),
        };
        if (contact is not { } found)
        {
            return null;
        }
        var recordId = FieldPath.Read(found, "id");
        var email = EmailAddress.Normalise(FieldPath.Read(found, "email"));
        if (recordId is null && email is null)
        {
            return null;
        }
        var (firstName, lastName) = IntercomContact.Name(found);
        return new PersonTraits(
            recordId,
            eventTime,
            email,
            firstName,
            lastName,
            PhoneNumber.Normalise(FieldPath.Read(found, "phone"), options.Value.DefaultPhoneRegion),
            Location: IntercomContact.Location(found),
            Consents: IntercomContact.Consents(found, TopicEmailStatus(topic, item)));
    }

    /// <summary>What a subscription topic states about email. Since API 2.7 a (un)subscription may be from particular
    /// subscription types, listed in <c>subscription_types</c>: that is not a statement about email as a whole.</summary>
    private static string? TopicEmailStatus(string topic, JsonElement item)
    {
        var granular = item.TryGetProperty("subscription_types", out var types)
            && types.ValueKind == JsonValueKind.Object
            && types.TryGetProperty("data", out var list)
            && list.ValueKind == JsonValueKind.Array
            && list.GetArrayLength() > 0;
        return (topic, granular) switch
        {
            ("contact.subscribed", false) => ConsentStatuses.Subscribed,
            ("contact.unsubscribed", false) => ConsentStatuses.Unsubscribed,
            _ => null,
        };
    }

    private static string Summary(string topic, IntercomTopics.Mapping mapped, JsonElement? item)
    {
        if (!topic.StartsWith("conversation.", StringComparison.Ordinal))
        {
            return mapped.Summary;
        }
        var id = item is { } found
            ? FieldPath.Read(found, "id") ?? FieldPath.Read(found, "conversation_id")
                ?? FieldPath.Read(found, "conversation.id") ?? FieldPath.Read(found, "conversation.model.id")
            : null;
        return id is null ? $"Intercom conversation: {mapped.Summary}" : $"Intercom conversation {id}: {mapped.Summary}";
    }

    private static DateTimeOffset? CreatedAt(JsonElement root) =>
        root.TryGetProperty("created_at", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
        && seconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static WebhookProblem? Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WebhookProblem.MalformedPayload("The body must be a JSON object (an Intercom notification).");
        }
        if (!root.TryGetProperty("topic", out var topic) || topic.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(topic.GetString()))
        {
            return WebhookProblem.MalformedPayload("The notification needs a non-empty string 'topic'.");
        }
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return WebhookProblem.MalformedPayload("The notification needs a 'data' object.");
        }
        if (root.TryGetProperty("created_at", out var createdAt) && createdAt.ValueKind != JsonValueKind.Null && CreatedAt(root) is null)
        {
            return WebhookProblem.MalformedPayload("The notification's 'created_at' is not a Unix time in seconds.");
        }
        return null;
    }
}
