using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>Which value of a field wins. Each rule is a total order over candidates (ending in a deterministic
/// tie-break on source, record id and value), so the answer never depends on arrival order.</summary>
public static class Survivorship
{
    /// <summary>The most recent source time first, then the tie-break: the default rule.</summary>
    public static IComparer<FieldValue> Order { get; } = Comparer<FieldValue>.Create(static (a, b) =>
    {
        var byTime = b.SourceEventTime.CompareTo(a.SourceEventTime);
        return byTime != 0 ? byTime : TieBreak(a, b);
    });

    /// <summary>The earliest source time first, then the tie-break.</summary>
    public static IComparer<FieldValue> FirstSeenOrder { get; } = Comparer<FieldValue>.Create(static (a, b) =>
    {
        var byTime = a.SourceEventTime.CompareTo(b.SourceEventTime);
        return byTime != 0 ? byTime : TieBreak(a, b);
    });

    /// <summary>The longest (trimmed) value first, then the most recent, then the tie-break.</summary>
    public static IComparer<FieldValue> MostCompleteOrder { get; } = Comparer<FieldValue>.Create(static (a, b) =>
    {
        var byLength = b.Value.AsSpan().Trim().Length.CompareTo(a.Value.AsSpan().Trim().Length);
        return byLength != 0 ? byLength : Order.Compare(a, b);
    });

    /// <summary>Sources in <paramref name="sources"/> order first (unlisted ones after all listed), then the most
    /// recent, then the tie-break.</summary>
    public static IComparer<FieldValue> SourcePriorityOrder(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        int Rank(string source)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                if (string.Equals(sources[i], source, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
            return sources.Count;
        }
        return Comparer<FieldValue>.Create((a, b) =>
        {
            var byRank = Rank(a.Source).CompareTo(Rank(b.Source));
            return byRank != 0 ? byRank : Order.Compare(a, b);
        });
    }

    /// <summary>Keeps, per source record, only its latest value, and returns the candidates best first.</summary>
    public static IReadOnlyList<FieldValue> Keep(IReadOnlyList<FieldValue> candidates, FieldValue incoming) =>
        Keep(candidates, incoming, Order, Order);

    /// <summary>Keeps, per source record, the value <paramref name="retention"/> ranks first, and returns the candidates
    /// ordered by <paramref name="order"/>, best first. Both orders are total, so keeping is commutative and
    /// idempotent.</summary>
    public static IReadOnlyList<FieldValue> Keep(
        IReadOnlyList<FieldValue> candidates, FieldValue incoming, IComparer<FieldValue> order, IComparer<FieldValue> retention)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(incoming);
        var sameRecord = candidates.FirstOrDefault(c => c.Source == incoming.Source && c.SourceRecordId == incoming.SourceRecordId);
        if (sameRecord is not null && retention.Compare(sameRecord, incoming) <= 0)
        {
            return candidates;
        }
        return [.. candidates.Where(c => c != sameRecord).Append(incoming).Order(order)];
    }

    public static FieldValue? Winner(IReadOnlyList<FieldValue> candidates) => candidates.Count == 0 ? null : candidates[0];

    private static int TieBreak(FieldValue a, FieldValue b)
    {
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        if (bySource != 0) { return bySource; }
        var byRecord = string.CompareOrdinal(a.SourceRecordId, b.SourceRecordId);
        return byRecord != 0 ? byRecord : string.CompareOrdinal(a.Value, b.Value);
    }
}
