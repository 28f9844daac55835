using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.HubSpot;

/// <summary>Reads HubSpot's webhook batches: a JSON array of events, each naming its type in <c>subscriptionType</c>
/// (or <c>eventType</c> in newer payloads), the contact in <c>objectId</c> and the time in <c>occurredAt</c> (Unix
/// milliseconds). Each element becomes one event; README.md in this folder has the mapping table.</summary>
public sealed class HubSpotNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    private const string EmailChannel = "email";
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    public string Provider => HubSpotProvider.Id;

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
            if (Check(document.RootElement) is { } problem)
            {
                throw new MalformedPayloadException(problem.Detail);
            }
            var events = new List<NormalisedEvent>();
            var unmapped = new List<UnmappedEvent>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                Read(element, index++, delivery, events, unmapped);
            }
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, events, unmapped);
        }
    }

    private void Read(JsonElement element, int index, ArchivedDelivery delivery, List<NormalisedEvent> events, List<UnmappedEvent> unmapped)
    {
        var sourceType = SourceType(element)!;
        var objectId = FieldPath.Read(element, "objectId");
        var eventId = EventId(element, objectId) ?? $"{delivery.DeliveryId}:{index}";
        var sentAt = OccurredAt(element);
        if (HubSpotEventTypes.Map(sourceType, FieldPath.Read(element, "objectTypeId")) is not { } mapped)
        {
            unmapped.Add(new UnmappedEvent(sourceType, eventId, sentAt));
            return;
        }
        var occurredAt = sentAt ?? delivery.ReceivedAt;
        var propertyName = FieldPath.Read(element, "propertyName");
        var contact = objectId ?? "(no id)";
        var summary = propertyName is null
            ? $"HubSpot contact {contact} {mapped.Verb}"
            : $"HubSpot contact {contact}: property {propertyName} changed";
        var interaction = new Interaction(
            mapped.Type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, sourceType, summary);
        events.Add(new NormalisedEvent(
            delivery.Connection, Provider, delivery.DeliveryId, Person(element, objectId, propertyName, occurredAt), interaction));
    }

    /// <summary>The contact, with the one property a <c>propertyChange</c> names when it is a profile field.</summary>
    private PersonTraits? Person(JsonElement element, string? objectId, string? propertyName, DateTimeOffset eventTime)
    {
        var changedValue = propertyName is null ? null : FieldPath.Read(element, "propertyValue");
        string? Property(string name) => string.Equals(propertyName, name, StringComparison.Ordinal) ? changedValue : null;

        var email = EmailAddress.Normalise(Property("email"));
        if (objectId is null && email is null)
        {
            return null;
        }
        string? city = Property("city"), region = Property("state"), postalCode = Property("zip"), country = Property("country");
        var location = city is null && region is null && postalCode is null && country is null
            ? null
            : new PostalLocation(city, region, postalCode, country);
        // hs_email_optout is HubSpot's "unsubscribed from all email": only its true value is a statement of consent.
        IReadOnlyList<ConsentStatement>? consents = string.Equals(Property("hs_email_optout"), "true", StringComparison.OrdinalIgnoreCase)
            ? [new ConsentStatement(EmailChannel, ConsentStatuses.Unsubscribed)]
            : null;
        return new PersonTraits(
            objectId,
            eventTime,
            email,
            Property("firstname"),
            Property("lastname"),
            PhoneNumber.Normalise(Property("phone"), options.Value.DefaultPhoneRegion),
            Property("company"),
            location,
            consents);
    }

    /// <summary>HubSpot says its <c>eventId</c> is not guaranteed to be unique, so the hub's id also names the account,
    /// the subscription and the object: all of them are the same on every retry of the event.</summary>
    private static string? EventId(JsonElement element, string? objectId) =>
        FieldPath.Read(element, "eventId") is { } eventId
            ? $"{FieldPath.Read(element, "portalId")}:{FieldPath.Read(element, "subscriptionId")}:{eventId}:{objectId}"
            : null;

    private static string? SourceType(JsonElement element) => Text(element, "subscriptionType") ?? Text(element, "eventType");

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static DateTimeOffset? OccurredAt(JsonElement element) =>
        element.TryGetProperty("occurredAt", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms)
            && ms is >= MinUnixMilliseconds and <= MaxUnixMilliseconds
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;

    private static WebhookProblem? Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return WebhookProblem.MalformedPayload("The body must be a JSON array of events.");
        }
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return WebhookProblem.MalformedPayload($"Event {index} is not a JSON object.");
            }
            if (SourceType(element) is null)
            {
                return WebhookProblem.MalformedPayload($"Event {index} has no 'subscriptionType' or 'eventType'.");
            }
            if (element.TryGetProperty("occurredAt", out var occurredAt) && occurredAt.ValueKind != JsonValueKind.Null
                && OccurredAt(element) is null)
            {
                return WebhookProblem.MalformedPayload($"Event {index} has an 'occurredAt' that is not a Unix time in milliseconds.");
            }
            index++;
        }
        return null;
    }
}
