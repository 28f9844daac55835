using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>What the identity graph keeps of one event: which event, when the source says it happened, and the
/// identifiers it carried — the links it is evidence for. Identifiers are in canonical order: the event's own record
/// id first (the event is about that record), then emails, phones, other record ids and anonymous ids, each by value.
/// The first one that may link is the event's home: the profile the event belongs to.</summary>
public sealed record IdentityEvent(EventRef Ref, DateTimeOffset Time, IReadOnlyList<IdentityKey> Identifiers)
{
    /// <summary>Orders events by source time, then reference: the order links are considered in, whatever order the
    /// events arrived in.</summary>
    public static IComparer<IdentityEvent> Canonical { get; } = Comparer<IdentityEvent>.Create(static (a, b) =>
    {
        var byTime = a.Time.CompareTo(b.Time);
        return byTime != 0 ? byTime : a.Ref.CompareTo(b.Ref);
    });

    public static IdentityEvent Create(EventRef reference, DateTimeOffset time, IEnumerable<IdentityKey> identifiers)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(identifiers);
        return new(reference, time, [.. identifiers.Distinct().OrderBy(k => Rank(reference, k)).ThenBy(k => k.Value, StringComparer.Ordinal)]);
    }

    /// <summary>Two readings of the same event (a redelivery that was normalised again) combine into one: the union of
    /// their identifiers at the earlier time. Commutative and idempotent, like every other step of the graph.</summary>
    public IdentityEvent Combine(IdentityEvent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Equals(other) ? this : Create(Ref, Time <= other.Time ? Time : other.Time, Identifiers.Concat(other.Identifiers));
    }

    public bool Equals(IdentityEvent? other) =>
        other is not null && Ref == other.Ref && Time == other.Time && Identifiers.SequenceEqual(other.Identifiers);

    public override int GetHashCode() => HashCode.Combine(Ref, Time, Identifiers.Count);

    private static int Rank(EventRef reference, IdentityKey key) => key.Kind switch
    {
        IdentityKey.ExternalKind when key.Connection == reference.Connection => 0,
        IdentityKey.EmailKind => 1,
        IdentityKey.PhoneKind => 2,
        IdentityKey.ExternalKind => 3,
        IdentityKey.AnonymousKind => 4,
        _ => 5,
    };
}
