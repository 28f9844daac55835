using System.Collections.Immutable;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>A snapshot of the identity graph. The facts are <see cref="Events"/> (each event's identifiers) and the
/// operators' corrections (<see cref="MarkedShared"/>, <see cref="Unlinked"/>); everything else is derived from them by
/// <see cref="IdentityGraph"/> and kept only so reads need no recomputation. The snapshot may be partial: the graph
/// only ever reads the events connected to the one it is applying (see docs/identity.md).</summary>
/// <param name="Events">Every event's identifiers, by reference.</param>
/// <param name="MarkedShared">Identifiers an operator marked shared: they link nothing.</param>
/// <param name="Unlinked">Identifiers an operator removed from one event's links.</param>
/// <param name="Profiles">The resolved profiles, by id.</param>
/// <param name="ProfileOf">Each linked identifier's profile id.</param>
/// <param name="EventProfile">Each resolved event's profile id (an event whose identifiers all link nothing has none).</param>
/// <param name="EventsOf">Each identifier's events: how the graph finds what a new event connects to.</param>
/// <param name="IdOrigins">For every identifier seen, <see cref="ProfileIds.For"/> of it: the id that identifier would
/// give a profile, so every former id (a merged profile's, a renamed one's) still resolves.</param>
public sealed record IdentityGraphState(
    ImmutableDictionary<EventRef, IdentityEvent> Events,
    ImmutableHashSet<IdentityKey> MarkedShared,
    ImmutableHashSet<UnlinkedIdentifier> Unlinked,
    ImmutableDictionary<string, IdentityProfile> Profiles,
    ImmutableDictionary<IdentityKey, string> ProfileOf,
    ImmutableDictionary<EventRef, string> EventProfile,
    ImmutableDictionary<IdentityKey, ImmutableHashSet<EventRef>> EventsOf,
    ImmutableDictionary<string, IdentityKey> IdOrigins)
{
    public static IdentityGraphState Empty { get; } = new(
        ImmutableDictionary<EventRef, IdentityEvent>.Empty,
        [],
        [],
        ImmutableDictionary.Create<string, IdentityProfile>(StringComparer.Ordinal),
        ImmutableDictionary<IdentityKey, string>.Empty,
        ImmutableDictionary<EventRef, string>.Empty,
        ImmutableDictionary<IdentityKey, ImmutableHashSet<EventRef>>.Empty,
        ImmutableDictionary.Create<string, IdentityKey>(StringComparer.Ordinal));

    /// <summary>Identifiers carried by more events than <see cref="IdentityOptions.MaxEventsPerIdentifier"/>: a store
    /// does not load their events, and the graph treats them as shared (they link nothing), so what an event connects
    /// to stays bounded. The count only grows, so once an identifier is overloaded it stays so on every worker.</summary>
    public ImmutableHashSet<IdentityKey> Overloaded { get; init; } = [];
}
