using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>One field of a profile: the winning value with its provenance, and the other sources' values.</summary>
public sealed record ProfileFieldView(
    string Value,
    string Source,
    string SourceRecordId,
    DateTimeOffset SourceEventTime,
    IReadOnlyList<FieldValue> Overruled)
{
    public static ProfileFieldView From(IReadOnlyList<FieldValue> candidates)
    {
        var winner = candidates[0];
        return new(winner.Value, winner.Source, winner.SourceRecordId, winner.SourceEventTime, [.. candidates.Skip(1)]);
    }
}
