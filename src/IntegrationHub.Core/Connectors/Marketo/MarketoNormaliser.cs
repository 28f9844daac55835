using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>Reads a Marketo webhook: a JSON object whose shape the customer's payload template decides. Fields are found
/// through the connection's field map (defaults in <see cref="MarketoFields"/>), the event type is mapped through
/// <c>EventType:{type}</c> settings, and zone-less times are read in the <c>TimeZone</c> setting's zone (README.md in this
/// folder documents the configuration).</summary>
public sealed class MarketoNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public string Provider => MarketoProvider.Id;

    /// <summary>Why the connection's template settings cannot be used, or null; for start-up validation.</summary>
    public static string? ConfigurationProblem(ConnectionOptions connection) => TemplateBody.ConfigurationProblem(connection);

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
            string? Field(string name) => TemplateBody.Read(root, connection, name, MarketoFields.Defaults[name]);

            var sourceType = Field("event_type") ?? "";
            // Marketo sends no event id unless the template does; the delivery id is derived from the body.
            var eventId = Field("event_id") ?? delivery.DeliveryId;
            var sentAt = TemplateBody.ParseTime(Field("occurred_at"), connection);
            if (TemplateBody.CanonicalType(connection, sourceType, MarketoEventTypes.Default) is not { } type)
            {
                return new NormalisedDelivery(
                    delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(sourceType, eventId, sentAt)]);
            }

            var occurredAt = sentAt ?? delivery.ReceivedAt;
            var summary = sourceType.Length == 0 ? "Marketo webhook" : $"Marketo webhook '{sourceType}'";
            var interaction = new Interaction(type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, sourceType, summary);
            return NormalisedDelivery.Of(new NormalisedEvent(
                delivery.Connection, Provider, delivery.DeliveryId, Person(Field, occurredAt), interaction));
        }
    }

    private PersonTraits? Person(Func<string, string?> field, DateTimeOffset eventTime)
    {
        var recordId = field("id");
        var email = EmailAddress.Normalise(field("email"));
        if (recordId is null && email is null)
        {
            return null;
        }
        string? city = field("city"), region = field("region"), postalCode = field("postal_code"), country = field("country");
        var location = city is null && region is null && postalCode is null && country is null
            ? null
            : new PostalLocation(city, region, postalCode, country);
        return new PersonTraits(
            recordId,
            eventTime,
            email,
            field("first_name"),
            field("last_name"),
            PhoneNumber.Normalise(field("phone"), options.Value.DefaultPhoneRegion),
            field("company"),
            location);
    }

    private static WebhookProblem? Check(JsonElement root, ConnectionOptions connection)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WebhookProblem.MalformedPayload("The body must be a JSON object (the webhook's payload template).");
        }
        var occurredAtPath = connection.FieldMap.GetValueOrDefault("occurred_at", MarketoFields.Defaults["occurred_at"]);
        return FieldPath.Read(root, occurredAtPath) is { } occurredAt && TemplateBody.ParseTime(occurredAt, connection) is null
            ? WebhookProblem.MalformedPayload($"The event time at '{occurredAtPath}' is not a date and time.")
            : null;
    }
}
