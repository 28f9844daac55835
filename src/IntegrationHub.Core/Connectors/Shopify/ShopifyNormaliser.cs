using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>Reads Shopify webhooks: the body is the resource itself (a customer, an order, a checkout), the topic is the
/// <c>X-Shopify-Topic</c> header and the event id the <c>X-Shopify-Event-Id</c> header. One event per delivery; topics
/// <see cref="ShopifyTopicMap"/> does not list are unmapped.</summary>
public sealed class ShopifyNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    /// <summary>When the event happened, ISO 8601 (Shopify's delivery header).</summary>
    public const string TriggeredAtHeader = "X-Shopify-Triggered-At";

    /// <summary>The source type recorded for a delivery that arrived without a topic header.</summary>
    public const string MissingTopic = "(no X-Shopify-Topic header)";

    /// <summary>Body timestamps to fall back on, most specific first, when the delivery has no triggered-at header.</summary>
    private static readonly string[] BodyTimes =
        ["updated_at", "created_at", "email_marketing_consent.consent_updated_at", "sms_marketing_consent.consent_updated_at"];

    public string Provider => ShopifyProvider.Id;

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
        var resource = document.RootElement;
        var topic = Header(delivery, ShopifyProvider.TopicHeader);
        var eventId = Header(delivery, ShopifyProvider.EventIdHeader) ?? delivery.DeliveryId;
        var eventTime = Time(Header(delivery, TriggeredAtHeader)) ?? BodyTimes.Select(path => Time(FieldPath.Read(resource, path))).FirstOrDefault(t => t is not null);
        if (topic is null || !ShopifyTopicMap.ByTopic.TryGetValue(topic, out var mapping))
        {
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(topic ?? MissingTopic, eventId, eventTime)]);
        }

        // Shopify sends the triggered-at header on every delivery; older test notifications may not, and then the
        // resource's own timestamps, and last the arrival time, stand in.
        var occurredAt = eventTime ?? delivery.ReceivedAt;
        var person = mapping.Person(resource, new ShopifyTraitContext(occurredAt, options.Value.DefaultPhoneRegion));
        var interaction = new Interaction(
            mapping.InteractionType(resource), eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, topic, mapping.Summary(resource));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>Reads the body once: the document when it is a JSON object (the caller disposes it), else the problem.</summary>
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
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            return WebhookProblem.MalformedPayload("The body must be a JSON object (the Shopify resource the topic names).");
        }
        return null;
    }

    /// <summary>Archived headers are looked up ignoring case whatever dictionary the host built.</summary>
    private static string? Header(ArchivedDelivery delivery, string name)
    {
        var value = delivery.Headers.TryGetValue(name, out var exact)
            ? exact
            : delivery.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static DateTimeOffset? Time(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
}
