using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Profiles;

/// <summary>The unified profile as the portal reads it: per field, the winning value, where it came from, and the
/// values it beat.</summary>
public sealed record ProfileView(
    string Id,
    IReadOnlyDictionary<string, ProfileFieldView> Fields,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> ExternalIds)
{
    public static ProfileView From(UnifiedProfile profile) => new(
        profile.Id,
        profile.Candidates
            .Where(p => p.Value.Count > 0)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToDictionary(p => p.Key, p => ProfileFieldView.From(p.Value), StringComparer.Ordinal),
        profile.Emails,
        profile.ExternalIds);
}
