using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Reads Segment spec messages as the Webhooks destination sends them: one message object, a JSON array of
/// messages, or a <c>{"batch":[…]}</c> body; one canonical event per message. <c>identify</c> and <c>track</c> are
/// mapped (track by event name, <see cref="SegmentTrackEvents"/>); <c>page</c>, <c>screen</c>, <c>group</c> and
/// <c>alias</c> are unmapped.</summary>
public sealed class SegmentNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    private const string Identify = "identify";
    private const string Track = "track";

    /// <summary>The message's time, most trustworthy first: Segment's clock-skew-corrected <c>timestamp</c>, then the
    /// sender's own, then when Segment received and sent it.</summary>
    private static readonly string[] TimeFields = ["timestamp", "originalTimestamp", "receivedAt", "sentAt"];

    public string Provider => SegmentProvider.Id;

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
        foreach (var message in Messages(document.RootElement))
        {
            var type = message.GetProperty("type").GetString()!;
            // A message without a messageId (hand-made, or a minimal spec example) gets an id stable across replays.
            var eventId = FieldPath.Read(message, "messageId") ?? $"{delivery.DeliveryId}:{index.ToString(CultureInfo.InvariantCulture)}";
            index++;
            var time = TimeFields.Select(field => Time(FieldPath.Read(message, field))).FirstOrDefault(t => t is not null);
            if (type is not (Identify or Track))
            {
                unmapped.Add(new UnmappedEvent(type, eventId, time));
                continue;
            }

            // Segment's libraries always stamp a time; only a hand-built message without one falls back to arrival.
            var occurredAt = time ?? delivery.ReceivedAt;
            var trackMapping = type == Track ? SegmentTrackEvents.Map(FieldPath.Read(message, "event")) : null;
            var person = SegmentPeople.Read(message, type == Identify, trackMapping?.Consent, occurredAt, options.Value.DefaultPhoneRegion);
            var interaction = new Interaction(
                trackMapping?.InteractionType ?? InteractionTypes.ProfileUpdated,
                eventId,
                occurredAt,
                delivery.Connection,
                Provider,
                delivery.DeliveryId,
                type,
                type == Identify ? IdentifySummary(message) : FieldPath.Read(message, "event") ?? "Unnamed track event");
            events.Add(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
        }
        return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, events, unmapped);
    }

    /// <summary>Names the traits sent (their keys, never their values).</summary>
    private static string IdentifySummary(JsonElement message)
    {
        if (!message.TryGetProperty("traits", out var traits) || traits.ValueKind != JsonValueKind.Object)
        {
            return "Identified";
        }
        var names = traits.EnumerateObject().Select(p => p.Name).ToList();
        return names.Count == 0 ? "Identified" : $"Identified with traits: {string.Join(", ", names)}";
    }

    private static IEnumerable<JsonElement> Messages(JsonElement root)
    {
        var list = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("batch", out var batch) && batch.ValueKind == JsonValueKind.Array ? batch
            : default;
        if (list.ValueKind != JsonValueKind.Array)
        {
            yield return root;
            yield break;
        }
        foreach (var message in list.EnumerateArray())
        {
            yield return message;
        }
    }

    /// <summary>Reads the body once: the document when every message has a type (the caller disposes it), else the problem.</summary>
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
        var problem = Check(document.RootElement);
        if (problem is not null)
        {
            document.Dispose();
            document = null;
        }
        return problem;
    }

    private static WebhookProblem? Check(JsonElement root)
    {
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return WebhookProblem.MalformedPayload("The body must be a Segment message, an array of messages or a {\"batch\":[…]} object.");
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("batch", out var batch) && batch.ValueKind != JsonValueKind.Array)
        {
            return WebhookProblem.MalformedPayload("'batch' must be an array of messages.");
        }
        foreach (var message in Messages(root))
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("type", out var type)
                || type.ValueKind != JsonValueKind.String
                || type.GetString()!.Length == 0)
            {
                return WebhookProblem.MalformedPayload("Every message must be an object with a non-empty string 'type'.");
            }
        }
        return null;
    }

    private static DateTimeOffset? Time(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}
