using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.StandardWebhooks;

/// <summary>Reads the envelope the Standard Webhooks spec recommends, <c>{"type", "timestamp", "data"}</c>, with the
/// person in <c>data</c> under <c>id</c>, <c>email</c>, <c>first_name</c>, <c>last_name</c> and <c>phone</c> (and, when
/// given, <c>date_of_birth</c>, <c>city</c>, <c>region</c>, <c>postal_code</c> and <c>country</c>) unless the
/// connection's field map names them otherwise.</summary>
public sealed class StandardWebhooksNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public string Provider => StandardWebhooksProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection)
    {
        if (!Utf8.IsValid(body.Span))
        {
            return WebhookProblem.MalformedPayload("The body is not valid UTF-8.");
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return Envelope.Check(document.RootElement);
        }
        catch (JsonException)
        {
            return WebhookProblem.MalformedPayload("The body is not valid JSON.");
        }
    }

    public NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection)
    {
        if (Validate(delivery.Body, connection) is { } problem)
        {
            throw new MalformedPayloadException(problem.Detail);
        }
        using var document = JsonDocument.Parse(delivery.Body);
        var root = document.RootElement;
        var occurredAt = Envelope.Timestamp(root)!.Value;
        var data = root.GetProperty("data");
        string? Field(string name) => FieldPath.Read(data, connection.FieldMap.GetValueOrDefault(name, name));

        var email = EmailAddress.Normalise(Field("email"));
        var recordId = Field("id");
        var person = email is null && recordId is null
            ? null
            : new PersonTraits(
                recordId,
                occurredAt,
                email,
                Field("first_name"),
                Field("last_name"),
                PhoneNumber.Normalise(Field("phone"), options.Value.DefaultPhoneRegion),
                Location: Location(Field("city"), Field("region"), Field("postal_code"), Field("country")),
                DateOfBirth: Field("date_of_birth"));
        var type = root.GetProperty("type").GetString()!;
        var interaction = new Interaction(type, delivery.DeliveryId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type);
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    private static PostalLocation? Location(string? city, string? region, string? postalCode, string? country) =>
        city is null && region is null && postalCode is null && country is null ? null : new(city, region, postalCode, country);

    private static class Envelope
    {
        public static WebhookProblem? Check(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookProblem.MalformedPayload("The body must be a JSON object.");
            }
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
            {
                return WebhookProblem.MalformedPayload("The envelope needs a non-empty string 'type'.");
            }
            if (Timestamp(root) is null)
            {
                return WebhookProblem.MalformedPayload("The envelope needs a 'timestamp' in ISO 8601 form.");
            }
            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return WebhookProblem.MalformedPayload("The envelope needs a 'data' object.");
            }
            return null;
        }

        public static DateTimeOffset? Timestamp(JsonElement root) =>
            root.TryGetProperty("timestamp", out var value)
            && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : null;
    }
}
