using System.Collections.Frozen;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>The Mailgun event types the hub maps, and how. Anything else (<c>accepted</c>, <c>rejected</c>,
/// <c>stored</c>, a temporary <c>failed</c>) is unmapped: acknowledged and counted.</summary>
internal static class MailgunEventMap
{
    public static FrozenDictionary<string, MailgunEventMapping> ByType { get; } = new Dictionary<string, MailgunEventMapping>(StringComparer.Ordinal)
    {
        ["delivered"] = new(InteractionTypes.EmailDelivered, Always, _ => "Email delivered", NoConsent),
        ["opened"] = new(InteractionTypes.EmailOpened, Always, _ => "Email opened", NoConsent),
        // The URL is left out: links often carry tokens that identify the recipient.
        ["clicked"] = new(InteractionTypes.EmailClicked, Always, _ => "Email link clicked", NoConsent),
        // A temporary failure is retried by Mailgun: only a permanent one is a bounce.
        ["failed"] = new(InteractionTypes.EmailBounced, e => FieldPath.Read(e, "severity") == "permanent", Failed, FailedConsent),
        ["unsubscribed"] = new(InteractionTypes.Unsubscribed, Always, _ => "Unsubscribed", _ => ConsentStatuses.Unsubscribed),
        ["complained"] = new(InteractionTypes.EmailComplained, Always, _ => "Email marked as spam", _ => ConsentStatuses.Unsubscribed),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static bool Always(JsonElement e) => true;

    private static string? NoConsent(JsonElement e) => null;

    /// <summary>Only a hard bounce (<c>bounce</c>) or a send refused because the address bounced before
    /// (<c>suppress-bounce</c>) says the address is bad. Other reasons (<c>suppress-unsubscribe</c>,
    /// <c>suppress-complaint</c>, <c>old</c>, <c>generic</c>, …) restate an earlier event or are the sender's problem.</summary>
    private static string? FailedConsent(JsonElement e) =>
        FieldPath.Read(e, "reason") is "bounce" or "suppress-bounce" ? ConsentStatuses.Undeliverable : null;

    /// <summary>Mailgun's reason keyword and the SMTP (or Mailgun 6xx) code, each only when it has the documented
    /// shape; never the server's message, which often repeats the address.</summary>
    private static string Failed(JsonElement e)
    {
        var code = FieldPath.Read(e, "delivery-status.code") is { } c && c.Length <= 3 && c.All(char.IsAsciiDigit) ? c : null;
        var reason = FieldPath.Read(e, "reason") is { } r && r.Length <= 40 && r.All(ch => char.IsAsciiLetterLower(ch) || ch == '-') ? r : null;
        var details = string.Join(", ", new[] { reason, code is null ? null : $"code {code}" }.Where(d => d is not null));
        return details.Length == 0 ? "Email failed permanently" : $"Email failed permanently ({details})";
    }
}
