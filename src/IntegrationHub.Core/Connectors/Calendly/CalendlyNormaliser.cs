using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Calendly;

/// <summary>Reads Calendly's v2 webhook body, <c>{"event","created_at","created_by","payload":{…}}</c>: one event per
/// delivery. <c>invitee.created</c> and <c>invitee.canceled</c> are about the invitee (<c>payload.uri</c>, email, names,
/// SMS reminder number); <c>routing_form_submission.created</c> is about its submitter's invitee URI when the
/// submission led to a booking. Every other event type is unmapped.</summary>
public sealed class CalendlyNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public const string InviteeCreated = "invitee.created";
    public const string InviteeCanceled = "invitee.canceled";
    public const string RoutingFormSubmissionCreated = "routing_form_submission.created";

    private static readonly FrozenDictionary<string, string> InteractionByType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [InviteeCreated] = InteractionTypes.MeetingBooked,
        [InviteeCanceled] = InteractionTypes.MeetingCanceled,
        [RoutingFormSubmissionCreated] = InteractionTypes.FormSubmitted,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Provider => CalendlyProvider.Id;

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
        var root = document.RootElement;
        var type = root.GetProperty("event").GetString()!;
        var payload = root.GetProperty("payload");
        // Calendly sends no event id; its resource URI (the invitee or the submission) is unique per booking, so the
        // type and URI name the event (a reschedule cancels one invitee and creates another).
        var eventId = FieldPath.Read(payload, "uri") is { } uri ? $"{type}:{uri}" : delivery.DeliveryId;
        var createdAt = Timestamp(root, "created_at");
        if (!InteractionByType.TryGetValue(type, out var interactionType))
        {
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(type, eventId, createdAt)]);
        }

        // Calendly always sends `created_at`; the arrival time stands in only for a body without it.
        var occurredAt = createdAt ?? delivery.ReceivedAt;
        var person = type == RoutingFormSubmissionCreated ? Submitter(payload, occurredAt) : Invitee(payload, occurredAt);
        var interaction = new Interaction(
            interactionType, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type, Summary(type, payload));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>An invitee: <c>uri</c> is its id; <c>first_name</c>/<c>last_name</c> are only sent when the event type
    /// asks for them separately (the single <c>name</c> is not split: which part is which is a guess).</summary>
    private PersonTraits? Invitee(JsonElement payload, DateTimeOffset eventTime)
    {
        var uri = FieldPath.Read(payload, "uri");
        var email = EmailAddress.Normalise(FieldPath.Read(payload, "email"));
        return uri is null && email is null
            ? null
            : new PersonTraits(
                uri,
                eventTime,
                email,
                FieldPath.Read(payload, "first_name"),
                FieldPath.Read(payload, "last_name"),
                PhoneNumber.Normalise(FieldPath.Read(payload, "text_reminder_number"), options.Value.DefaultPhoneRegion));
    }

    /// <summary>A routing form submission names its submitter only as an invitee URI, and only when the submission led
    /// to a booking; its answers are free-form, so no email is guessed from them.</summary>
    private static PersonTraits? Submitter(JsonElement payload, DateTimeOffset eventTime) =>
        FieldPath.Read(payload, "submitter") is { } submitter ? new PersonTraits(submitter, eventTime, null, null, null, null) : null;

    /// <summary>When the meeting is and what happened to it; never the event's name (one-off meetings are often named
    /// after the invitee), the invitee's answers or a cancellation reason.</summary>
    private static string Summary(string type, JsonElement payload)
    {
        var start = Timestamp(payload, "scheduled_event.start_time");
        var when = start is null ? "" : $" for {start.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
        switch (type)
        {
            case InviteeCreated:
                var rescheduledFrom = FieldPath.Read(payload, "old_invitee") is not null ? " (rescheduled)" : "";
                return $"Meeting booked{when}{rescheduledFrom}";
            case InviteeCanceled:
                var rescheduled = payload.TryGetProperty("rescheduled", out var r) && r.ValueKind == JsonValueKind.True ? " to be rescheduled" : "";
                var by = FieldPath.Read(payload, "cancellation.canceler_type") is { } canceler && canceler is "host" or "invitee" ? $" by the {canceler}" : "";
                return $"Meeting{when} canceled{by}{rescheduled}";
            default:
                return FieldPath.Read(payload, "result.type") is "event_type" ? "Routing form submitted, routed to booking" : "Routing form submitted";
        }
    }

    /// <summary>An ISO 8601 time at a dotted path, in UTC; null when absent or unreadable.</summary>
    private static DateTimeOffset? Timestamp(JsonElement element, string path) =>
        FieldPath.Read(element, path) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    /// <summary>Reads the body once: the document when it has a string <c>event</c> and a <c>payload</c> object (the
    /// caller disposes it), else the problem.</summary>
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
        var problem = root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("event", out var type) || type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString())
            ? "The body must be a JSON object with a non-empty string \"event\" (Calendly's webhook body)."
            : !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
                ? "Calendly's webhook body needs a \"payload\" object."
                : null;
        if (problem is null)
        {
            return null;
        }
        document.Dispose();
        document = null;
        return WebhookProblem.MalformedPayload(problem);
    }
}
