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
    public static ProfileView From(UnifiedProfile profile) => From(profile, SurvivorshipRules.Default);

    /// <summary>The view under <paramref name="rules"/>: each field's candidates are ranked again by its rule, so a
    /// changed rule shows at once, without rewriting stored profiles.</summary>
    public static ProfileView From(UnifiedProfile profile, SurvivorshipRules rules)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            profile.Id,
            profile.Candidates
                .Where(p => p.Value.Count > 0)
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ToDictionary(
                    p => p.Key,
                    p => ProfileFieldView.From([.. p.Value.Order(rules.OrderFor(p.Key))], rules.RuleFor(p.Key)),
                    StringComparer.Ordinal),
            profile.Emails,
            profile.ExternalIds);
    }
}
