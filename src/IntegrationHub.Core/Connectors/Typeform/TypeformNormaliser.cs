using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Typeform;

/// <summary>Reads Typeform webhooks (<c>{"event_id","event_type","form_response":{…}}</c>): <c>form_response</c> is a
/// form submission; every other event type (e.g. partial responses) is unmapped. The person comes from the answers and
/// hidden fields (<see cref="TypeformPerson"/>).</summary>
public sealed class TypeformNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public const string FormResponse = "form_response";

    public string Provider => TypeformProvider.Id;

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
        var type = root.GetProperty("event_type").GetString()!;
        var eventId = FieldPath.Read(root, "event_id") ?? delivery.DeliveryId;
        var response = root.TryGetProperty(FormResponse, out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var submittedAt = Time(FieldPath.Read(response, "submitted_at"));
        if (type != FormResponse)
        {
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(type, eventId, submittedAt)]);
        }

        // Typeform stamps every response with submitted_at; arrival time stands in only for a hand-made body without it.
        var occurredAt = submittedAt ?? delivery.ReceivedAt;
        var person = TypeformPerson.Read(response, connection.FieldMap, occurredAt, options.Value.DefaultPhoneRegion);
        var interaction = new Interaction(
            InteractionTypes.FormSubmitted, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, type, Summary(response));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>The form's title (the form owner's words, not the respondent's) and how many questions were answered.</summary>
    private static string Summary(JsonElement response)
    {
        var form = FieldPath.Read(response, "definition.title") is { } title ? $"Form \"{title}\"" : $"Form {FieldPath.Read(response, "form_id") ?? "(unknown)"}";
        var answers = response.TryGetProperty("answers", out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        return $"{form} submitted, {answers.ToString(CultureInfo.InvariantCulture)} {(answers == 1 ? "answer" : "answers")}";
    }

    /// <summary>Reads the body once: the document when it is a Typeform event (the caller disposes it), else the problem.</summary>
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
            return WebhookProblem.MalformedPayload("The body must be a JSON object (a Typeform webhook event).");
        }
        if (!root.TryGetProperty("event_type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString()!.Length == 0)
        {
            return WebhookProblem.MalformedPayload("The event needs a non-empty string 'event_type'.");
        }
        if (type.ValueEquals(FormResponse)
            && (!root.TryGetProperty(FormResponse, out var response) || response.ValueKind != JsonValueKind.Object))
        {
            return WebhookProblem.MalformedPayload("A form_response event needs a 'form_response' object.");
        }
        return null;
    }

    private static DateTimeOffset? Time(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}
