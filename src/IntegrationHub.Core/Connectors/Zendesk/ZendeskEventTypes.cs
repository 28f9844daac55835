using System.Collections.Frozen;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Zendesk;

/// <summary>Which Zendesk event types (<c>zen:event-type:…</c>) the hub maps, onto what, and who the person is. Unlisted
/// types (organisations, articles, community posts, agent availability, agent-only user changes such as group
/// memberships and roles, redactions, attachments, CCs and followers, …) are recorded as unmapped.</summary>
internal static class ZendeskEventTypes
{
    public const string Prefix = "zen:event-type:";

    internal enum PersonFrom
    {
        /// <summary>The user the event is about: <c>detail.id</c> and <c>detail.email</c>.</summary>
        User,

        /// <summary>The ticket's requester: <c>detail.requester_id</c>.</summary>
        Requester,

        /// <summary>The message's author (<c>event.actor</c>) when an end user; agents, triggers and the system are no one.</summary>
        EndUserActor,
    }

    internal sealed record Mapping(string Type, PersonFrom Person);

    private static readonly FrozenDictionary<string, Mapping> Mapped = Build();

    /// <summary>The mapping for a full type (<c>zen:event-type:ticket.created</c>), or null when it is not mapped.</summary>
    public static Mapping? Map(string sourceType) =>
        sourceType.StartsWith(Prefix, StringComparison.Ordinal) ? Mapped.GetValueOrDefault(sourceType[Prefix.Length..]) : null;

    private static FrozenDictionary<string, Mapping> Build()
    {
        var map = new Dictionary<string, Mapping>(StringComparer.Ordinal)
        {
            ["user.created"] = new(InteractionTypes.ProfileCreated, PersonFrom.User),
            ["user.deleted"] = new(InteractionTypes.ProfileDeleted, PersonFrom.User),
            ["ticket.created"] = new(InteractionTypes.TicketCreated, PersonFrom.Requester),
            ["messaging_ticket.message_added"] = new(InteractionTypes.MessageReceived, PersonFrom.EndUserActor),
        };
        string[] userChanges =
        [
            "active_changed", "alias_changed", "custom_field_changed", "details_changed", "external_id_changed",
            "identity_changed", "identity_created", "identity_deleted", "name_changed", "notes_changed",
            "organization_membership_created", "organization_membership_deleted", "photo_changed", "suspended_changed",
            "tags_changed", "time_zone_changed",
        ];
        foreach (var change in userChanges)
        {
            map["user." + change] = new(InteractionTypes.ProfileUpdated, PersonFrom.User);
        }
        string[] ticketChanges =
        [
            "agent_assignment_changed", "brand_changed", "comment_added", "custom_field_changed", "custom_status_changed",
            "description_changed", "form_changed", "group_assignment_changed", "marked_as_spam", "merged",
            "organization_changed", "priority_changed", "requester_changed", "soft_deleted", "status_changed",
            "subject_changed", "tags_changed", "type_changed", "undeleted",
        ];
        foreach (var change in ticketChanges)
        {
            map["ticket." + change] = new(InteractionTypes.TicketUpdated, PersonFrom.Requester);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
