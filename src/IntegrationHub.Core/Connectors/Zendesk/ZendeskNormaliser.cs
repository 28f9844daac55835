using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Zendesk;

/// <summary>Reads Zendesk webhooks of both kinds: event webhooks (<c>{"type": "zen:event-type:…", "id", "time", "subject",
/// "detail", "event"}</c>) and trigger or automation webhooks, whose JSON body the admin writes and the connection's field
/// map reads (README.md in this folder has the mapping table and the configuration).</summary>
public sealed class ZendeskNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public string Provider => ZendeskProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection)
    {
        if (!Utf8.IsValid(body.Span))
        {
            return WebhookProblem.MalformedPayload("The body is not valid UTF-8.");
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return Check(document.RootElement, connection);
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
            if (Check(root, connection) is { } problem)
            {
                throw new MalformedPayloadException(problem.Detail);
            }
            return IsEvent(root) ? FromEvent(root, delivery) : FromCustomBody(root, delivery, connection);
        }
    }

    private NormalisedDelivery FromEvent(JsonElement root, ArchivedDelivery delivery)
    {
        var sourceType = FieldPath.Read(root, "type")!;
        var eventId = FieldPath.Read(root, "id") ?? delivery.DeliveryId;
        var sentAt = EventTime(root);
        if (ZendeskEventTypes.Map(sourceType) is not { } mapped)
        {
            return Unmapped(delivery, sourceType, eventId, sentAt);
        }
        var occurredAt = sentAt ?? delivery.ReceivedAt;
        var detail = root.TryGetProperty("detail", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
        var interaction = new Interaction(
            mapped.Type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, sourceType, EventSummary(root, detail, sourceType));
        var person = mapped.Person switch
        {
            ZendeskEventTypes.PersonFrom.User => User(root, detail, sourceType, occurredAt),
            ZendeskEventTypes.PersonFrom.Requester => Traits(Read(detail, "requester_id"), null, null, occurredAt),
            _ => EndUserActor(root, occurredAt),
        };
        return Of(delivery, person, interaction);
    }

    private NormalisedDelivery FromCustomBody(JsonElement root, ArchivedDelivery delivery, ConnectionOptions connection)
    {
        string? Field(string name) => ZendeskCustomBody.Read(root, connection, name);
        var sourceType = Field("event_type") ?? "";
        // The invocation id (the delivery id) is the same on every retry of one trigger firing.
        var eventId = Field("event_id") ?? delivery.DeliveryId;
        var sentAt = TemplateBody.ParseTime(Field("occurred_at"), connection);
        if (ZendeskCustomBody.CanonicalType(connection, sourceType) is not { } type)
        {
            return Unmapped(delivery, sourceType, eventId, sentAt);
        }
        var occurredAt = sentAt ?? delivery.ReceivedAt;
        var interaction = new Interaction(
            type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, sourceType,
            ZendeskCustomBody.Summary(sourceType, Field("ticket_id")));
        string? city = Field("city"), region = Field("region"), postalCode = Field("postal_code"), country = Field("country");
        var location = city is null && region is null && postalCode is null && country is null
            ? null
            : new PostalLocation(city, region, postalCode, country);
        var person = Traits(Field("id"), Field("email"), (Field("first_name"), Field("last_name")), occurredAt, Field("phone"), Field("company"), location);
        return Of(delivery, person, interaction);
    }

    /// <summary>The user an event is about; <c>user.name_changed</c> also carries the new name.</summary>
    private PersonTraits? User(JsonElement root, JsonElement detail, string sourceType, DateTimeOffset eventTime)
    {
        var recordId = Read(detail, "id") ?? SubjectId(root, "zen:user:");
        var name = sourceType.EndsWith(".name_changed", StringComparison.Ordinal) ? SplitName(FieldPath.Read(root, "event.current")) : (null, null);
        return Traits(recordId, Read(detail, "email"), name, eventTime);
    }

    /// <summary>The author of a message when an end user. Zendesk documents <c>actor.id</c> only as "the actor id"; its
    /// other event feeds call it the Zendesk user id, so it is read as that.</summary>
    private PersonTraits? EndUserActor(JsonElement root, DateTimeOffset eventTime) =>
        FieldPath.Read(root, "event.actor.type") == "end_user"
            ? Traits(FieldPath.Read(root, "event.actor.id"), null, SplitName(FieldPath.Read(root, "event.actor.name")), eventTime)
            : null;

    private PersonTraits? Traits(
        string? recordId, string? email, (string? First, string? Last)? name, DateTimeOffset eventTime,
        string? phone = null, string? company = null, PostalLocation? location = null)
    {
        var normalisedEmail = EmailAddress.Normalise(email);
        return recordId is null && normalisedEmail is null
            ? null
            : new PersonTraits(
                recordId, eventTime, normalisedEmail, name?.First, name?.Last,
                PhoneNumber.Normalise(phone, options.Value.DefaultPhoneRegion), company, location);
    }

    /// <summary>"Zendesk ticket #141: message added by end user": ids and Zendesk's own words, nothing personal.</summary>
    private static string EventSummary(JsonElement root, JsonElement detail, string sourceType)
    {
        var name = sourceType[ZendeskEventTypes.Prefix.Length..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var what = name[(dot + 1)..].Replace('_', ' ');
        if (name.StartsWith("user.", StringComparison.Ordinal))
        {
            return $"Zendesk user {Read(detail, "id") ?? SubjectId(root, "zen:user:")}: {what}";
        }
        var ticket = Read(detail, "id") ?? SubjectId(root, "zen:ticket:");
        var actor = FieldPath.Read(root, "event.actor.type") is { } type ? $" by {type.Replace('_', ' ')}" : "";
        return name.StartsWith("messaging_ticket.", StringComparison.Ordinal)
            ? $"Zendesk ticket #{ticket}: {what}{actor}"
            : $"Zendesk ticket #{ticket}: {what}";
    }

    private static (string? First, string? Last) SplitName(string? name)
    {
        if (name is null)
        {
            return (null, null);
        }
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..].Trim());
    }

    private static string? Read(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? FieldPath.Read(element, path) : null;

    /// <summary>The id in <c>subject</c>, e.g. <c>zen:user:6596848315901</c>.</summary>
    private static string? SubjectId(JsonElement root, string prefix) =>
        FieldPath.Read(root, "subject") is { } subject && subject.StartsWith(prefix, StringComparison.Ordinal) && subject.Length > prefix.Length
            ? subject[prefix.Length..]
            : null;

    private static bool IsEvent(JsonElement root) =>
        FieldPath.Read(root, "type") is { } type && type.StartsWith(ZendeskEventTypes.Prefix, StringComparison.Ordinal);

    private static DateTimeOffset? EventTime(JsonElement root) =>
        FieldPath.Read(root, "time") is { } time
        && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;

    private NormalisedDelivery Unmapped(ArchivedDelivery delivery, string sourceType, string eventId, DateTimeOffset? occurredAt) =>
        new(delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(sourceType, eventId, occurredAt)]);

    private NormalisedDelivery Of(ArchivedDelivery delivery, PersonTraits? person, Interaction interaction) =>
        NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));

    private static WebhookProblem? Check(JsonElement root, ConnectionOptions connection)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WebhookProblem.MalformedPayload("The body must be a JSON object.");
        }
        if (IsEvent(root))
        {
            return FieldPath.Read(root, "time") is not null && EventTime(root) is null
                ? WebhookProblem.MalformedPayload("The event's 'time' is not an ISO 8601 time.")
                : null;
        }
        var occurredAtPath = ZendeskCustomBody.OccurredAtPath(connection);
        return FieldPath.Read(root, occurredAtPath) is { } occurredAt && TemplateBody.ParseTime(occurredAt, connection) is null
            ? WebhookProblem.MalformedPayload($"The event time at '{occurredAtPath}' is not a date and time.")
            : null;
    }
}
