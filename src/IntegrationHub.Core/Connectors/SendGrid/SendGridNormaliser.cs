using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.SendGrid;

/// <summary>Reads the SendGrid Event Webhook: a JSON array of events, each <c>{"email", "timestamp", "event",
/// "sg_event_id", …}</c>, one canonical event per element. The person is the recipient's email (SendGrid has no
/// person id); the mapping is <see cref="SendGridEventMap"/>, anything else is unmapped.</summary>
public sealed class SendGridNormaliser : IEventNormaliser
{
    /// <summary>The source type recorded for an element that names no <c>event</c>.</summary>
    public const string MissingType = "(missing)";

    public string Provider => SendGridProvider.Id;

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
        var events = new List<NormalisedEvent>();
        var unmapped = new List<UnmappedEvent>();
        var index = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            // A batch holds many events; without SendGrid's id, the position in the (signed, archived) batch is stable.
            var fallbackId = $"{delivery.DeliveryId}:{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                unmapped.Add(new UnmappedEvent(MissingType, fallbackId, null));
                continue;
            }
            var type = FieldPath.Read(item, "event");
            var eventId = FieldPath.Read(item, "sg_event_id") ?? fallbackId;
            var timestamp = UnixSeconds(item, "timestamp");
            if (type is null || !SendGridEventMap.ByType.TryGetValue(type, out var mapping))
            {
                unmapped.Add(new UnmappedEvent(type ?? MissingType, eventId, timestamp));
                continue;
            }

            // SendGrid always sends `timestamp`; the arrival time stands in only for an event without one.
            var occurredAt = timestamp ?? delivery.ReceivedAt;
            var email = EmailAddress.Normalise(FieldPath.Read(item, "email"));
            var consent = mapping.EmailConsent(item);
            var person = email is null
                ? null
                : new PersonTraits(null, occurredAt, email, null, null, null,
                    Consents: consent is null ? null : [new ConsentStatement("email", consent)]);
            var interaction = new Interaction(
                mapping.InteractionType, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type, mapping.Summary(item));
            events.Add(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
        }
        return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, events, unmapped);
    }

    /// <summary>Reads the body once: the document when it is a JSON array (the caller disposes it), else the problem.</summary>
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
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            document = null;
            return WebhookProblem.MalformedPayload("The body must be a JSON array of events (SendGrid's Event Webhook batch).");
        }
        return null;
    }

    /// <summary>A Unix time in whole seconds, as a number or a string of digits; null when absent or out of range.</summary>
    private static DateTimeOffset? UnixSeconds(JsonElement item, string name) =>
        FieldPath.Read(item, name) is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
