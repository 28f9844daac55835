using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>One person as the identity graph resolves them: a connected component of identity links.</summary>
/// <param name="Id">The profile id: <see cref="ProfileIds.For"/> of the home identifier of the component's earliest
/// event. Every other identifier's id resolves here too (see <see cref="IdentityGraph.ResolveId"/>).</param>
/// <param name="Identifiers">The identifiers that resolve to the profile, in canonical order.</param>
/// <param name="Events">The events that belong to it, in canonical order (source time, then reference): its
/// profile fields are recomputed from exactly these.</param>
/// <param name="Links">The links that hold it together, one per identifier joined (a spanning forest, earliest
/// evidence first): every merge is explained by the event that made it.</param>
/// <param name="Excluded">Identifiers its events carried that link nothing, with the reason.</param>
public sealed record IdentityProfile(
    string Id,
    IReadOnlyList<IdentityKey> Identifiers,
    IReadOnlyList<EventRef> Events,
    IReadOnlyList<IdentityLink> Links,
    IReadOnlyList<ExcludedIdentifier> Excluded)
{
    public bool Equals(IdentityProfile? other) =>
        other is not null
        && Id == other.Id
        && Identifiers.SequenceEqual(other.Identifiers)
        && Events.SequenceEqual(other.Events)
        && Links.SequenceEqual(other.Links)
        && Excluded.SequenceEqual(other.Excluded);

    public override int GetHashCode() => HashCode.Combine(Id, Identifiers.Count, Events.Count);
}
