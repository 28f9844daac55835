using System.Collections.Frozen;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Track events whose names Segment's semantic specs (e-commerce, email, live chat, B2B SaaS) give a meaning the
/// canonical model shares; names compare ignoring case. Every other track event is <see cref="InteractionTypes.Tracked"/>.</summary>
internal static class SegmentTrackEvents
{
    private static readonly SegmentTrackMapping TrackedMapping = new(InteractionTypes.Tracked);

    private static readonly FrozenDictionary<string, SegmentTrackMapping> ByName = new Dictionary<string, SegmentTrackMapping>(StringComparer.OrdinalIgnoreCase)
    {
        ["Order Completed"] = new(InteractionTypes.OrderPlaced),
        // B2B SaaS spec: a person created their account in the product, i.e. the source's record of them was created.
        ["Signed Up"] = new(InteractionTypes.ProfileCreated),
        // Not in Segment's specs, but the name every form tool sending through Segment uses.
        ["Form Submitted"] = new(InteractionTypes.FormSubmitted),
        ["Email Delivered"] = new(InteractionTypes.EmailDelivered),
        ["Email Opened"] = new(InteractionTypes.EmailOpened),
        ["Email Link Clicked"] = new(InteractionTypes.EmailClicked),
        ["Email Bounced"] = new(InteractionTypes.EmailBounced),
        ["Email Marked as Spam"] = new(InteractionTypes.EmailComplained),
        // Email spec: the recipient unsubscribed, an explicit statement about the email channel.
        ["Unsubscribed"] = new(InteractionTypes.Unsubscribed, new ConsentStatement("email", ConsentStatuses.Unsubscribed)),
        ["Live Chat Conversation Started"] = new(InteractionTypes.ConversationStarted),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static SegmentTrackMapping Map(string? eventName) =>
        eventName is not null && ByName.TryGetValue(eventName, out var mapping) ? mapping : TrackedMapping;
}

/// <summary>The canonical type of a track event, and the consent statement its name makes, if any.</summary>
internal sealed record SegmentTrackMapping(string InteractionType, ConsentStatement? Consent = null);
