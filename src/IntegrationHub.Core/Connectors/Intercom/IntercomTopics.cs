using System.Collections.Frozen;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Which Intercom topics the hub maps, onto what, and where the notification's <c>data.item</c> names the
/// person. Unlisted topics (companies, admins, tags, tickets, notes, <c>conversation.deleted</c>, <c>ping</c>, …) are
/// recorded as unmapped.</summary>
internal static class IntercomTopics
{
    /// <summary>Where the person is in <c>data.item</c>.</summary>
    internal enum PersonAt
    {
        /// <summary>The item is the contact.</summary>
        Item,

        /// <summary>The item wraps the contact in <c>contact</c> (subscriptions, a contact attached to a conversation).</summary>
        ItemContact,

        /// <summary>The item is a conversation: its first contact, else the source's author when a user or lead.</summary>
        Conversation,
    }

    internal sealed record Mapping(string Type, PersonAt Person, string Summary);

    private static readonly FrozenDictionary<string, Mapping> Mapped = new Dictionary<string, Mapping>(StringComparer.Ordinal)
    {
        ["contact.user.created"] = new(InteractionTypes.ProfileCreated, PersonAt.Item, "Intercom user created"),
        ["contact.lead.created"] = new(InteractionTypes.LeadCreated, PersonAt.Item, "Intercom lead created"),
        ["contact.user.updated"] = new(InteractionTypes.ProfileUpdated, PersonAt.Item, "Intercom user updated"),
        ["contact.lead.updated"] = new(InteractionTypes.ProfileUpdated, PersonAt.Item, "Intercom lead updated"),
        ["contact.lead.signed_up"] = new(InteractionTypes.ProfileUpdated, PersonAt.Item, "Intercom lead signed up as a user"),
        ["contact.email.updated"] = new(InteractionTypes.ProfileUpdated, PersonAt.Item, "Intercom contact email address updated"),
        ["contact.subscribed"] = new(InteractionTypes.Subscribed, PersonAt.ItemContact, "Intercom contact subscribed to email"),
        ["contact.unsubscribed"] = new(InteractionTypes.Unsubscribed, PersonAt.ItemContact, "Intercom contact unsubscribed from email"),
        // Archiving takes a contact out of Intercom (it can be unarchived): the source no longer holds the record.
        ["contact.archived"] = new(InteractionTypes.ProfileDeleted, PersonAt.Item, "Intercom contact archived"),
        ["contact.unarchived"] = new(InteractionTypes.ProfileUpdated, PersonAt.Item, "Intercom contact unarchived"),
        ["contact.deleted"] = new(InteractionTypes.ProfileDeleted, PersonAt.Item, "Intercom contact deleted"),
        ["conversation.user.created"] = new(InteractionTypes.ConversationStarted, PersonAt.Conversation, "started by the contact"),
        ["conversation.admin.single.created"] = new(InteractionTypes.ConversationStarted, PersonAt.Conversation, "started by a teammate"),
        ["conversation.user.replied"] = new(InteractionTypes.MessageReceived, PersonAt.Conversation, "reply from the contact"),
        ["conversation.admin.replied"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "reply from a teammate"),
        ["conversation.admin.assigned"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "assigned"),
        ["conversation.admin.closed"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "closed"),
        ["conversation.admin.opened"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "opened"),
        ["conversation.admin.snoozed"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "snoozed"),
        ["conversation.admin.unsnoozed"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "unsnoozed"),
        ["conversation.rating.added"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "rated"),
        ["conversation.read"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "read"),
        ["conversation.updated"] = new(InteractionTypes.ConversationUpdated, PersonAt.Conversation, "updated"),
        ["conversation.contact.attached"] = new(InteractionTypes.ConversationUpdated, PersonAt.ItemContact, "contact attached"),
        ["conversation.contact.detached"] = new(InteractionTypes.ConversationUpdated, PersonAt.ItemContact, "contact detached"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static Mapping? Map(string topic) => Mapped.GetValueOrDefault(topic);
}
