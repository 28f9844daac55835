using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Web;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>Reads Twilio's form-encoded messaging webhooks. An inbound SMS, MMS or WhatsApp message (<c>MessageSid</c>,
/// <c>SmsStatus=received</c>) is <see cref="InteractionTypes.MessageReceived"/> about the sender (<c>From</c>, in E.164,
/// which is also the person's id: Twilio has no person record); an opt-out or opt-in keyword adds the consent it states.
/// Status callbacks (<c>MessageStatus</c>), voice callbacks (<c>CallSid</c>) and JSON bodies are unmapped. The message
/// text is never copied into the canonical model.</summary>
public sealed class TwilioNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    /// <summary>The consent channel of a plain phone number.</summary>
    public const string SmsChannel = "sms";

    /// <summary>The source type of an inbound message (Twilio's <c>SmsStatus</c> for one is <c>received</c>).</summary>
    public const string InboundMessageType = "message.received";

    /// <summary>The source type of a form that is neither a message nor a call callback.</summary>
    public const string UnknownFormType = "(unknown form)";

    /// <summary>The source type of a JSON element without a CloudEvents <c>type</c>.</summary>
    public const string JsonType = "(json)";

    public string Provider => TwilioProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection)
    {
        var problem = Parse(body, out _, out var json);
        json?.Dispose();
        return problem;
    }

    public NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection)
    {
        if (Parse(delivery.Body, out var form, out var parsedJson) is { } problem)
        {
            throw new MalformedPayloadException(problem.Detail);
        }
        if (parsedJson is not null)
        {
            using var json = parsedJson;
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], UnmappedJson(json.RootElement, delivery.DeliveryId));
        }
        return FromForm(delivery, form!);
    }

    private NormalisedDelivery FromForm(ArchivedDelivery delivery, NameValueCollection form)
    {
        if ((Value(form, "MessageSid") ?? Value(form, "SmsSid")) is { } messageSid)
        {
            var status = Value(form, "MessageStatus") ?? Value(form, "SmsStatus");
            if (status is null || status == "received")
            {
                return NormalisedDelivery.Of(Inbound(delivery, form, messageSid));
            }
            // One message has a callback per status: the status makes each callback's id unique.
            return Unmapped(delivery, new UnmappedEvent($"message.{status}", $"{messageSid}:{status}", null));
        }
        if (Value(form, "CallSid") is { } callSid)
        {
            var status = Value(form, "CallStatus");
            return Unmapped(delivery, new UnmappedEvent($"call.{status ?? "unknown"}", status is null ? callSid : $"{callSid}:{status}", null));
        }
        return Unmapped(delivery, new UnmappedEvent(UnknownFormType, delivery.DeliveryId, null));
    }

    private NormalisedEvent Inbound(ArchivedDelivery delivery, NameValueCollection form, string messageSid)
    {
        // Twilio's message webhook carries no time: the delivery's arrival is the closest there is.
        var occurredAt = delivery.ReceivedAt;
        var (channel, address) = Address(Value(form, "From"));
        var phone = PhoneNumber.Normalise(address, options.Value.DefaultPhoneRegion);
        var keyword = TwilioOptOutKeywords.Classify(Value(form, "OptOutType"), channel, form["Body"]);
        var consent = keyword switch
        {
            TwilioKeyword.OptOut => ConsentStatuses.Unsubscribed,
            TwilioKeyword.OptIn => ConsentStatuses.Subscribed,
            _ => null,
        };
        var person = phone is null
            ? null
            : new PersonTraits(phone, occurredAt, null, null, null, phone,
                Consents: consent is null ? null : [new ConsentStatement(channel, consent)]);
        var interaction = new Interaction(
            InteractionTypes.MessageReceived, messageSid, occurredAt, delivery.Connection, Provider, delivery.DeliveryId,
            InboundMessageType, Summary(form, channel, keyword));
        return new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction);
    }

    /// <summary>Splits a Twilio address into its channel and number: <c>whatsapp:+14155238886</c> is WhatsApp, a bare
    /// number is SMS.</summary>
    private static (string Channel, string? Address) Address(string? from)
    {
        var colon = from?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !from![..colon].All(char.IsAsciiLetter))
        {
            return (SmsChannel, from);
        }
        return (from[..colon].ToLowerInvariant(), from[(colon + 1)..]);
    }

    /// <summary>The channel, segment and media counts and what a keyword asked for; never the text.</summary>
    private static string Summary(NameValueCollection form, string channel, TwilioKeyword keyword)
    {
        var media = Count(form, "NumMedia");
        var segments = Count(form, "NumSegments");
        var label = channel switch
        {
            SmsChannel => media > 0 ? "MMS" : "SMS",
            "whatsapp" => "WhatsApp message",
            _ => $"{channel} message",
        };
        var details = new List<string>(2);
        if (segments > 0)
        {
            details.Add(segments == 1 ? "1 segment" : $"{segments} segments");
        }
        if (media > 0)
        {
            details.Add(media == 1 ? "1 media item" : $"{media} media items");
        }
        var text = details.Count == 0 ? $"Inbound {label}" : $"Inbound {label} ({string.Join(", ", details)})";
        return keyword switch
        {
            TwilioKeyword.OptOut => text + ": opt-out keyword",
            TwilioKeyword.OptIn => text + ": opt-in keyword",
            TwilioKeyword.Help => text + ": help keyword",
            _ => text,
        };
    }

    /// <summary>JSON bodies (Event Streams and other JSON callbacks, signed with <c>bodySHA256</c>) are not mapped:
    /// each object is recorded under its CloudEvents <c>type</c> and <c>id</c>.</summary>
    private static List<UnmappedEvent> UnmappedJson(JsonElement root, string deliveryId)
    {
        var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        var unmapped = new List<UnmappedEvent>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var isObject = item.ValueKind == JsonValueKind.Object;
            var time = isObject && FieldPath.Read(item, "time") is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed.ToUniversalTime()
                    : (DateTimeOffset?)null;
            unmapped.Add(new UnmappedEvent(
                (isObject ? FieldPath.Read(item, "type") : null) ?? JsonType,
                (isObject ? FieldPath.Read(item, "id") : null) ?? (items.Count == 1 ? deliveryId : $"{deliveryId}:{index}"),
                time));
        }
        return unmapped;
    }

    private NormalisedDelivery Unmapped(ArchivedDelivery delivery, UnmappedEvent unmapped) =>
        new(delivery.Connection, Provider, delivery.DeliveryId, [], [unmapped]);

    private static string? Value(NameValueCollection form, string name) =>
        form[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int Count(NameValueCollection form, string name) =>
        int.TryParse(Value(form, name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>Reads the body once: a form (<c>application/x-www-form-urlencoded</c>, Twilio's usual body) or, when it
    /// starts like one, a JSON document (the caller disposes it); else the problem.</summary>
    private static WebhookProblem? Parse(ReadOnlyMemory<byte> body, out NameValueCollection? form, out JsonDocument? json)
    {
        form = null;
        json = null;
        var span = body.Span;
        if (!Utf8.IsValid(span))
        {
            return WebhookProblem.MalformedPayload("The body is not valid UTF-8.");
        }
        var trimmed = span.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return WebhookProblem.MalformedPayload("The body is empty.");
        }
        if (trimmed[0] is (byte)'{' or (byte)'[')
        {
            try
            {
                json = JsonDocument.Parse(body);
                return null;
            }
            catch (JsonException)
            {
                return WebhookProblem.MalformedPayload("The body starts like JSON but is not valid JSON.");
            }
        }
        // Percent-escapes must decode to UTF-8 too, or values would silently turn into replacement characters.
        if (!Utf8.IsValid(HttpUtility.UrlDecodeToBytes(body.ToArray())))
        {
            return WebhookProblem.MalformedPayload("The form's percent-encoded values are not valid UTF-8.");
        }
        form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(span));
        return null;
    }
}
