using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>What a merge changed.</summary>
/// <param name="ChangedFields">The fields whose winning value changed, in merge order.</param>
/// <param name="Winners">Those fields' new winning values with their provenance, for the <c>profile-changed</c>
/// message; null when the producer of the result did not report them.</param>
public sealed record MergeProfileResult(
    string ProfileId,
    IReadOnlyList<string> ChangedFields,
    IReadOnlyDictionary<string, FieldValue>? Winners = null)
{
    /// <summary>The result of merging into <paramref name="merged"/>: each changed field with its winner after the merge.</summary>
    public static MergeProfileResult Of(string profileId, UnifiedProfile merged, IReadOnlyList<string> changedFields)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(changedFields);
        var winners = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var field in changedFields)
        {
            winners[field] = Survivorship.Winner(merged.Candidates[field])!;
        }
        return new(profileId, changedFields, winners);
    }
}
