using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.SendGrid;

/// <summary>The SendGrid Event Webhook types the hub maps, and how. Anything else (<c>processed</c>, <c>deferred</c>,
/// account events) is unmapped: acknowledged and counted.</summary>
internal static partial class SendGridEventMap
{
    /// <summary>SendGrid's documented reasons for a drop. Only these are repeated in a summary: any other text could
    /// carry an address.</summary>
    private static readonly FrozenSet<string> DropReasons = FrozenSet.Create(
        StringComparer.Ordinal,
        "Invalid SMTPAPI header", "Spam Content (if spam checker app enabled)", "Unsubscribed Address", "Bounced Address",
        "Spam Reporting Address", "Invalid", "Recipient List over Package Quota");

    public static FrozenDictionary<string, SendGridEventMapping> ByType { get; } = new Dictionary<string, SendGridEventMapping>(StringComparer.Ordinal)
    {
        ["delivered"] = new(InteractionTypes.EmailDelivered, _ => "Email delivered", NoConsent),
        ["open"] = new(InteractionTypes.EmailOpened,
            e => IsTrue(e, "sg_machine_open") ? "Email opened (machine open)" : "Email opened", NoConsent),
        // The URL is left out: links often carry tokens that identify the recipient.
        ["click"] = new(InteractionTypes.EmailClicked, _ => "Email link clicked", NoConsent),
        ["bounce"] = new(InteractionTypes.EmailBounced, Bounce, BounceConsent),
        ["dropped"] = new(InteractionTypes.EmailBounced, Dropped, DroppedConsent),
        ["spamreport"] = new(InteractionTypes.EmailComplained, _ => "Email marked as spam", _ => ConsentStatuses.Unsubscribed),
        ["unsubscribe"] = new(InteractionTypes.Unsubscribed, _ => "Unsubscribed from all email", _ => ConsentStatuses.Unsubscribed),
        // Group (ASM) events concern one suppression group, not the email channel: they state no channel consent, and a
        // group resubscribe must never undo a global unsubscribe.
        ["group_unsubscribe"] = new(InteractionTypes.Unsubscribed, e => "Unsubscribed from suppression group" + Group(e), NoConsent),
        ["group_resubscribe"] = new(InteractionTypes.Subscribed, e => "Resubscribed to suppression group" + Group(e), NoConsent),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string? NoConsent(JsonElement e) => null;

    /// <summary><c>type: blocked</c> is a block (often temporary, and SendGrid does not suppress the address); a
    /// bounce proper, or an older event without <c>type</c>, puts the address on SendGrid's bounce list.</summary>
    private static string? BounceConsent(JsonElement e) =>
        FieldPath.Read(e, "type") == "blocked" ? null : ConsentStatuses.Undeliverable;

    private static string Bounce(JsonElement e)
    {
        var text = FieldPath.Read(e, "type") == "blocked" ? "Email blocked by the receiving server" : "Email bounced";
        return FieldPath.Read(e, "status") is { } status && EnhancedStatus().IsMatch(status) ? $"{text} (status {status})" : text;
    }

    /// <summary>Only a drop because the address bounced before or is invalid says something about the address; the
    /// other reasons are the sender's (content, quota, headers) or restate an earlier unsubscribe or spam report, which
    /// is no new statement by the person.</summary>
    private static string? DroppedConsent(JsonElement e) =>
        FieldPath.Read(e, "reason") is "Bounced Address" or "Invalid" ? ConsentStatuses.Undeliverable : null;

    private static string Dropped(JsonElement e) =>
        FieldPath.Read(e, "reason") is { } reason && DropReasons.Contains(reason) ? $"Email dropped: {reason}" : "Email dropped";

    private static string Group(JsonElement e) => FieldPath.Read(e, "asm_group_id") is { } id ? $" {id}" : "";

    private static bool IsTrue(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>An RFC 3463 enhanced status code such as <c>5.1.1</c>.</summary>
    [GeneratedRegex(@"^[245]\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedStatus();
}
