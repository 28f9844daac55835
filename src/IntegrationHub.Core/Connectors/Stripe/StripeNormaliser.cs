using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Reads Stripe's event object (<c>{"id":"evt_…","type":…,"created":…,"data":{"object":…}}</c>): one event per
/// delivery. Each mapped type reads the person from <c>data.object</c> (<see cref="StripeEventMap"/>); any other type,
/// including v2 thin events, is unmapped.</summary>
public sealed class StripeNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public string Provider => StripeProvider.Id;

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
        var type = root.GetProperty("type").GetString()!;
        var eventId = FieldPath.Read(root, "id") ?? delivery.DeliveryId;
        var created = Created(root);
        if (!StripeEventMap.ByType.TryGetValue(type, out var mapping))
        {
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(type, eventId, created)]);
        }

        // Stripe always sends `created`; the delivery's arrival time stands in only for a hand-made body without it.
        var occurredAt = created ?? delivery.ReceivedAt;
        var data = root.TryGetProperty("data", out var d) ? d : default;
        var subject = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("object", out var o) ? o : default;
        var person = mapping.Person(subject, new StripeTraitContext(occurredAt, options.Value.DefaultPhoneRegion));
        var interaction = new Interaction(
            mapping.InteractionType, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type, mapping.Summary(subject, data));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>Reads the body once: the document when it is a readable Stripe event (the caller disposes it), else the problem.</summary>
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
        if (root.ValueKind != JsonValueKind.Object)
        {
            return WebhookProblem.MalformedPayload("The body must be a JSON object (a Stripe event).");
        }
        if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
        {
            return WebhookProblem.MalformedPayload("The event needs a non-empty string 'type'.");
        }
        if (root.TryGetProperty("data", out var data)
            && (data.ValueKind != JsonValueKind.Object
                || (data.TryGetProperty("object", out var subject) && subject.ValueKind != JsonValueKind.Object)))
        {
            return WebhookProblem.MalformedPayload("The event's 'data' must be an object whose 'object' is an object.");
        }
        return null;
    }

    /// <summary>Snapshot events send <c>created</c> in unix seconds; v2 thin events send an ISO 8601 string.</summary>
    private static DateTimeOffset? Created(JsonElement root)
    {
        if (!root.TryGetProperty("created", out var created))
        {
            return null;
        }
        if (created.ValueKind == JsonValueKind.Number && created.TryGetInt64(out var seconds)
            && seconds is >= 0 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }
        return created.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed.ToUniversalTime()
                : null;
    }
}
