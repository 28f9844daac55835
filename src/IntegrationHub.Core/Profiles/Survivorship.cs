using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>Which value of a field wins: the most recent source time, then a deterministic tie-break on source,
/// record id and value, so the answer never depends on arrival order.</summary>
public static class Survivorship
{
    /// <summary>Orders candidates best first.</summary>
    public static IComparer<FieldValue> Order { get; } = Comparer<FieldValue>.Create(static (a, b) =>
    {
        var byTime = b.SourceEventTime.CompareTo(a.SourceEventTime);
        if (byTime != 0) { return byTime; }
        var bySource = string.CompareOrdinal(a.Source, b.Source);
        if (bySource != 0) { return bySource; }
        var byRecord = string.CompareOrdinal(a.SourceRecordId, b.SourceRecordId);
        return byRecord != 0 ? byRecord : string.CompareOrdinal(a.Value, b.Value);
    });

    /// <summary>Keeps, per source record, only its latest value, and returns the candidates best first.</summary>
    public static IReadOnlyList<FieldValue> Keep(IReadOnlyList<FieldValue> candidates, FieldValue incoming)
    {
        var sameRecord = candidates.FirstOrDefault(c => c.Source == incoming.Source && c.SourceRecordId == incoming.SourceRecordId);
        if (sameRecord is not null && Order.Compare(sameRecord, incoming) <= 0)
        {
            return candidates;
        }
        return [.. candidates.Where(c => c != sameRecord).Append(incoming).Order(Order)];
    }

    public static FieldValue? Winner(IReadOnlyList<FieldValue> candidates) => candidates.Count == 0 ? null : candidates[0];
}
