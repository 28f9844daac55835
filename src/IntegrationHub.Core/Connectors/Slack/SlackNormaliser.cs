using System.Collections.Frozen;
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

namespace IntegrationHub.Core.Connectors.Slack;

/// <summary>Reads Slack's Events API callbacks (<c>{"type":"event_callback","event_id","event_time","event":{…}}</c>):
/// <c>team_join</c> and <c>user_change</c> are about the workspace member in <c>event.user</c> (id, profile email,
/// names, phone). Every other event, <c>url_verification</c>, and the form-encoded slash commands and interactivity
/// payloads are unmapped.</summary>
public sealed class SlackNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    public const string EventCallback = "event_callback";

    /// <summary>The source type of a slash command (a form with <c>command</c>; Slack gives it no type).</summary>
    public const string SlashCommandType = "slash_command";

    /// <summary>The source type of an interactivity form whose <c>payload</c> names no readable <c>type</c>.</summary>
    public const string InteractivityType = "interactivity";

    /// <summary>The source type of Slack's check that a slash command URL has a valid certificate.</summary>
    public const string SslCheckType = "ssl_check";

    /// <summary>The source type of a body Slack does not describe.</summary>
    public const string UnknownType = "(unknown)";

    /// <summary>The Events API event types the hub maps: both are about one workspace member.</summary>
    private static readonly FrozenDictionary<string, string> MemberEvents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["team_join"] = InteractionTypes.ProfileCreated,
        ["user_change"] = InteractionTypes.ProfileUpdated,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Provider => SlackProvider.Id;

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
        if (parsedJson is null)
        {
            return Unmapped(delivery, new UnmappedEvent(FormType(form!), delivery.DeliveryId, null));
        }
        using var json = parsedJson;
        var root = json.RootElement;
        var outerType = FieldPath.Read(root, "type")!;
        var eventId = FieldPath.Read(root, "event_id") ?? delivery.DeliveryId;
        var eventTime = UnixSeconds(root, "event_time");
        var inner = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var eventType = inner.ValueKind == JsonValueKind.Object ? FieldPath.Read(inner, "type") : null;
        if (outerType != EventCallback || eventType is null || !MemberEvents.TryGetValue(eventType, out var interactionType))
        {
            // url_verification and app_rate_limited are Slack's own messages, not events; other callbacks are unmapped
            // event types (message, app_mention, …).
            var sourceType = outerType == EventCallback ? eventType ?? EventCallback : outerType;
            return Unmapped(delivery, new UnmappedEvent(sourceType, eventId, eventTime));
        }

        // Slack always sends `event_time` with a callback; the arrival time stands in only for one without it.
        var occurredAt = eventTime ?? delivery.ReceivedAt;
        var user = inner.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        var person = user.ValueKind == JsonValueKind.Object ? Member(user, occurredAt) : null;
        var interaction = new Interaction(
            interactionType, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, eventType, Summary(eventType, user));
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    /// <summary>A Slack user object: <c>id</c>, and <c>profile.email</c> (only with the <c>users:read.email</c> scope),
    /// <c>profile.first_name</c>, <c>profile.last_name</c>, <c>profile.phone</c> (free text).</summary>
    private PersonTraits? Member(JsonElement user, DateTimeOffset eventTime)
    {
        var id = FieldPath.Read(user, "id");
        var email = EmailAddress.Normalise(FieldPath.Read(user, "profile.email"));
        return id is null && email is null
            ? null
            : new PersonTraits(
                id,
                eventTime,
                email,
                FieldPath.Read(user, "profile.first_name"),
                FieldPath.Read(user, "profile.last_name"),
                PhoneNumber.Normalise(FieldPath.Read(user, "profile.phone"), options.Value.DefaultPhoneRegion));
    }

    private static string Summary(string eventType, JsonElement user)
    {
        var isBot = IsTrue(user, "is_bot");
        if (eventType == "team_join")
        {
            return isBot ? "Bot user joined the Slack workspace" : "Joined the Slack workspace";
        }
        return IsTrue(user, "deleted") ? "Slack account deactivated" : isBot ? "Bot user's Slack profile changed" : "Slack profile changed";
    }

    /// <summary>What a form-encoded body is: a slash command, an interactivity payload (by its <c>type</c>, e.g.
    /// <c>block_actions</c>) or an SSL check.</summary>
    private static string FormType(NameValueCollection form)
    {
        if (form["payload"] is { } payload)
        {
            try
            {
                using var document = JsonDocument.Parse(payload);
                return (document.RootElement.ValueKind == JsonValueKind.Object ? FieldPath.Read(document.RootElement, "type") : null)
                    ?? InteractivityType;
            }
            catch (JsonException)
            {
                return InteractivityType;
            }
        }
        return form["command"] is not null ? SlashCommandType
            : form["ssl_check"] is not null ? SslCheckType
            : UnknownType;
    }

    private NormalisedDelivery Unmapped(ArchivedDelivery delivery, UnmappedEvent unmapped) =>
        new(delivery.Connection, Provider, delivery.DeliveryId, [], [unmapped]);

    private static bool IsTrue(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static DateTimeOffset? UnixSeconds(JsonElement element, string name) =>
        FieldPath.Read(element, name) is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Reads the body once: an Events API JSON object with a <c>type</c> (the caller disposes it) or a
    /// form-encoded body (slash commands, interactivity); else the problem.</summary>
    private static WebhookProblem? Parse(
        ReadOnlyMemory<byte> body, out NameValueCollection? form, out JsonDocument? json)
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
        if (trimmed[0] is not ((byte)'{' or (byte)'['))
        {
            // Percent-escapes must decode to UTF-8 too, or values would silently turn into replacement characters.
            if (!Utf8.IsValid(HttpUtility.UrlDecodeToBytes(body.ToArray())))
            {
                return WebhookProblem.MalformedPayload("The form's percent-encoded values are not valid UTF-8.");
            }
            form = HttpUtility.ParseQueryString(Encoding.UTF8.GetString(span));
            return null;
        }
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return WebhookProblem.MalformedPayload("The body is not valid JSON.");
        }
        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(type.GetString()))
        {
            return null;
        }
        json.Dispose();
        json = null;
        return WebhookProblem.MalformedPayload("An Events API body must be a JSON object with a string \"type\".");
    }
}
