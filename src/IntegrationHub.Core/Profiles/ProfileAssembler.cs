using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>Recomputes a profile from its source events, as the identity graph decides them: after a merge, the union
/// of both sides' events; after an unmerge, each side's own. Nothing is lost, because every profile is a function of
/// the events that were archived.</summary>
public static class ProfileAssembler
{
    public static UnifiedProfile Assemble(string profileId, IEnumerable<SourcedTraits> events, SurvivorshipRules rules)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(rules);
        // Merging is order-independent; a canonical order only makes a failure easier to reproduce.
        return events
            .OrderBy(e => e.Connection, StringComparer.Ordinal)
            .ThenBy(e => e.EventId, StringComparer.Ordinal)
            .Aggregate(UnifiedProfile.Empty(profileId),
                (profile, e) => ProfileMerger.Merge(profile, e.Connection, e.Traits, e.EventId, rules).Profile);
    }
}
