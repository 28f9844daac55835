using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Which Mailchimp audience events the hub maps, and onto what. <c>campaign</c> (a campaign was sent or
/// cancelled) names no person, so it is recorded as unmapped, as is any type Mailchimp adds later.</summary>
internal static class MailchimpEventTypes
{
    /// <summary>The canonical type, the email consent the event states (or null), and the start of its summary.</summary>
    internal sealed record Mapping(string Type, string? EmailConsent, string Summary);

    public static Mapping? Map(string sourceType, string? reason) => sourceType switch
    {
        "subscribe" => new(InteractionTypes.Subscribed, ConsentStatuses.Subscribed, "Subscribed to"),
        "unsubscribe" => new(InteractionTypes.Unsubscribed, ConsentStatuses.Unsubscribed, "Unsubscribed from"),
        "profile" => new(InteractionTypes.ProfileUpdated, null, "Profile updated in"),
        "upemail" => new(InteractionTypes.ProfileUpdated, null, "Email address changed in"),
        // Mailchimp cleans an address after a hard bounce (reason "hard") or an abuse report (reason "abuse").
        "cleaned" when reason == "abuse" => new(InteractionTypes.EmailComplained, ConsentStatuses.Undeliverable, "Cleaned from"),
        "cleaned" => new(InteractionTypes.EmailBounced, ConsentStatuses.Undeliverable, "Cleaned from"),
        _ => null,
    };
}
