using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>Reads a Mailgun webhook, <c>{"signature": {…}, "event-data": {"event", "id", "timestamp", "recipient",
/// …}}</c>: one event per delivery. The person is the recipient's email (Mailgun has no person id); the mapping is
/// <see cref="MailgunEventMap"/>, anything else is unmapped.</summary>
public sealed class MailgunNormaliser : IEventNormaliser
{
    /// <summary>The source type recorded for event data that names no <c>event</c>.</summary>
    public const string MissingType = "(missing)";

    private const string EventData = "event-data";

    public string Provider => MailgunProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection)
    {
        var problem = Parse(body, out var document);
        document?.Dispose();
        return problem;
    }

    public NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection)
    {
        if (Parse(delivery.Body, out var parsed) is { } problem)
        {
            throw new MalformedPayloadException(problem.Detail);
        }
        using var document = parsed!;
        var data = document.RootElement.GetProperty(EventData);
        var type = FieldPath.Read(data, "event");
        var eventId = FieldPath.Read(data, "id") ?? delivery.DeliveryId;
        var timestamp = UnixSeconds(data, "timestamp");
        if (type is null || !MailgunEventMap.ByType.TryGetValue(type, out var mapping) || !mapping.Applies(data))
        {
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [],
                [new UnmappedEvent(type ?? MissingType, eventId, timestamp)]);
        }

        // Mailgun always sends `timestamp`; the arrival time stands in only for event data without one.
        var occurredAt = timestamp ?? delivery.ReceivedAt;
        var email = EmailAddress.Normalise(FieldPath.Read(data, "recipient"));
        var consent = mapping.EmailConsent(data);
        var person = email is null
            ? null
            : new PersonTraits(null, occurredAt, email, null, null, null,
                Consents: consent is null ? null : [new ConsentStatement("email", consent)]);
        var interaction = new Interaction(
            mapping.InteractionType, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type, mapping.Summary(data));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>Reads the body once: the document when it carries an <c>event-data</c> object (the caller disposes it),
    /// else the problem.</summary>
    private static WebhookProblem? Parse(ReadOnlyMemory<byte> body, out JsonDocument? document)
    {
        document = null;
        if (!Utf8.IsValid(body.Span))
        {
            return WebhookProblem.MalformedPayload("The body is not valid UTF-8.");
        }
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookProblem.MalformedPayload("The body is not valid JSON.");
        }
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(EventData, out var data) && data.ValueKind == JsonValueKind.Object)
        {
            return null;
        }
        document.Dispose();
        document = null;
        return WebhookProblem.MalformedPayload($"The body must be a JSON object with an \"{EventData}\" object (Mailgun's webhook body).");
    }

    /// <summary>Mailgun's timestamp: Unix seconds with a fraction (to the microsecond); null when absent or out of range.</summary>
    private static DateTimeOffset? UnixSeconds(JsonElement data, string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var seconds))
        {
            return null;
        }
        var maxSeconds = (decimal)DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        return seconds < 0 || seconds > maxSeconds
            ? null
            : DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }
}
