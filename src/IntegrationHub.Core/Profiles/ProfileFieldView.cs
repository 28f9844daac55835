using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>One field of a profile: the winning value with its provenance, the other sources' values it beat, and the
/// survivorship rule that chose it (<c>mostRecent</c>, <c>sourcePriority</c>, <c>mostComplete</c>, <c>firstSeen</c>).</summary>
public sealed record ProfileFieldView(
    string Value,
    string Source,
    string SourceRecordId,
    DateTimeOffset SourceEventTime,
    IReadOnlyList<FieldValue> Overruled,
    string Rule = "mostRecent")
{
    /// <summary>The view of candidates already ranked best first under the default rule.</summary>
    public static ProfileFieldView From(IReadOnlyList<FieldValue> candidates) => From(candidates, FieldRule.MostRecent);

    /// <summary>The view of candidates already ranked best first under <paramref name="rule"/>.</summary>
    public static ProfileFieldView From(IReadOnlyList<FieldValue> candidates, FieldRule rule)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(rule);
        var winner = candidates[0];
        return new(winner.Value, winner.Source, winner.SourceRecordId, winner.SourceEventTime, [.. candidates.Skip(1)],
            JsonNamingPolicy.CamelCase.ConvertName(rule.Rule.ToString()));
    }
}
