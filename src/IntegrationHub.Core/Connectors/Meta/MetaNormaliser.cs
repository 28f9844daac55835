using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Meta;

/// <summary>Reads Meta's Graph API webhook notifications, <c>{"object":"page","entry":[{"id","time","changes":[{"field",
/// "value"}]}]}</c>: each <c>leadgen</c> change is a <see cref="InteractionTypes.LeadCreated"/> about the lead, known
/// only by its <c>leadgen_id</c> (Meta sends ids, never the lead's answers: those must be fetched from the Graph API).
/// Every other change field, and entries of other kinds (<c>messaging</c>, <c>standby</c>, …), is unmapped.</summary>
public sealed class MetaNormaliser : IEventNormaliser
{
    public const string LeadgenField = "leadgen";

    /// <summary>The source type of a change without a <c>field</c>, or an entry that carries nothing.</summary>
    public const string MissingType = "(missing)";

    public string Provider => MetaProvider.Id;

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
        // A notification batches entries and changes; without a vendor id, the position in the (signed, archived)
        // body is stable.
        var index = 0;
        string NextFallbackId() => $"{delivery.DeliveryId}:{index++}";
        foreach (var entry in document.RootElement.GetProperty("entry").EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                unmapped.Add(new UnmappedEvent(MissingType, NextFallbackId(), null));
                continue;
            }
            var entryTime = UnixTime(entry, "time");
            var found = false;
            foreach (var list in entry.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
            {
                foreach (var item in list.Value.EnumerateArray())
                {
                    found = true;
                    var fallbackId = NextFallbackId();
                    if (list.Name != "changes")
                    {
                        unmapped.Add(new UnmappedEvent(list.Name, fallbackId, entryTime));
                        continue;
                    }
                    var field = item.ValueKind == JsonValueKind.Object ? FieldPath.Read(item, "field") : null;
                    var value = field == LeadgenField && item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
                    var leadId = value.ValueKind == JsonValueKind.Object ? FieldPath.Read(value, "leadgen_id") : null;
                    if (leadId is null)
                    {
                        unmapped.Add(new UnmappedEvent(field ?? MissingType, fallbackId, entryTime));
                        continue;
                    }
                    events.Add(Lead(delivery, value, leadId, UnixTime(value, "created_time") ?? entryTime));
                }
            }
            if (!found)
            {
                unmapped.Add(new UnmappedEvent(MissingType, NextFallbackId(), entryTime));
            }
        }
        return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, events, unmapped);
    }

    private NormalisedEvent Lead(ArchivedDelivery delivery, JsonElement value, string leadId, DateTimeOffset? time)
    {
        // Meta always sends created_time (and the entry's time); the arrival time stands in only for a body without both.
        var occurredAt = time ?? delivery.ReceivedAt;
        var person = new PersonTraits(leadId, occurredAt, null, null, null, null);
        var interaction = new Interaction(
            InteractionTypes.LeadCreated, leadId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, LeadgenField, Summary(value));
        return new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction);
    }

    /// <summary>Form and ad ids only: they say where the lead came from, not who it is.</summary>
    private static string Summary(JsonElement value)
    {
        var form = FieldPath.Read(value, "form_id");
        var ad = FieldPath.Read(value, "ad_id");
        var text = form is null ? "Lead form submitted" : $"Lead form {form} submitted";
        return ad is null ? text : $"{text} from ad {ad}";
    }

    /// <summary>A Unix time as a number or digits: seconds, or milliseconds where Meta sends those (some Instagram and
    /// Messenger entries); null when absent or out of range.</summary>
    private static DateTimeOffset? UnixTime(JsonElement element, string name)
    {
        if (FieldPath.Read(element, name) is not { } text
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        // 10^11 seconds is the year 5138: anything larger is milliseconds.
        var milliseconds = value >= 100_000_000_000 ? value : value * 1000;
        return milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    /// <summary>Reads the body once: the document when it is an object with an <c>entry</c> array (the caller disposes
    /// it), else the problem.</summary>
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
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entry", out var entry) && entry.ValueKind == JsonValueKind.Array)
        {
            return null;
        }
        document.Dispose();
        document = null;
        return WebhookProblem.MalformedPayload("The body must be a JSON object with an \"entry\" array (a Graph API webhook notification).");
    }
}
