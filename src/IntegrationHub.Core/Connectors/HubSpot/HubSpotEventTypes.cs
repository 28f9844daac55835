using System.Collections.Frozen;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.HubSpot;

/// <summary>Which HubSpot subscription types the hub maps, and onto what. Every mapped type is about a contact, whose
/// <c>objectId</c> is the person's record id; anything else (deals, companies, tickets, conversations, merges,
/// restores, association changes) is recorded as unmapped.</summary>
internal static class HubSpotEventTypes
{
    /// <summary>The <c>objectTypeId</c> of contacts in the generic <c>object.*</c> subscription types.</summary>
    public const string ContactObjectTypeId = "0-1";

    private const string GenericPrefix = "object.";
    private const string ContactPrefix = "contact.";

    private static readonly FrozenDictionary<string, (string Type, string Verb)> Contact =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["contact.creation"] = (InteractionTypes.ProfileCreated, "created"),
            ["contact.propertyChange"] = (InteractionTypes.ProfileUpdated, "updated"),
            ["contact.deletion"] = (InteractionTypes.ProfileDeleted, "deleted"),
            ["contact.privacyDeletion"] = (InteractionTypes.ProfileDeleted, "deleted for privacy"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The canonical type and a verb for the summary, or null when the type is not mapped. The generic form
    /// (<c>object.creation</c> with <c>objectTypeId</c> <c>0-1</c>) maps like its legacy contact form.</summary>
    public static (string Type, string Verb)? Map(string sourceType, string? objectTypeId)
    {
        var contactType = sourceType.StartsWith(GenericPrefix, StringComparison.Ordinal)
            && string.Equals(objectTypeId, ContactObjectTypeId, StringComparison.Ordinal)
                ? ContactPrefix + sourceType[GenericPrefix.Length..]
                : sourceType;
        return Contact.TryGetValue(contactType, out var mapped) ? mapped : null;
    }
}
