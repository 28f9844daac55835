using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>A unified profile as the matcher sees it: each matching role's winning value.</summary>
public static class ProfileMatchRecord
{
    private static readonly (string Field, MatchRole Role)[] Roles =
    [
        (ProfileFields.FirstName, MatchRole.FirstName),
        (ProfileFields.LastName, MatchRole.LastName),
        (ProfileFields.Email, MatchRole.Email),
        (ProfileFields.Phone, MatchRole.Phone),
        (ProfileFields.DateOfBirth, MatchRole.DateOfBirth),
        (ProfileFields.City, MatchRole.City),
        (ProfileFields.PostalCode, MatchRole.Postcode),
        (ProfileFields.Region, MatchRole.State),
    ];

    /// <summary>The profile fields matching reads: a change to any of them is a reason to match the profile again.</summary>
    public static IReadOnlySet<string> Fields { get; } = Roles.Select(r => r.Field).ToHashSet(StringComparer.Ordinal);

    public static MatchRecord From(UnifiedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var record = new MatchRecord(profile.Id);
        foreach (var (field, role) in Roles)
        {
            if (profile.Candidates.TryGetValue(field, out var candidates) && Survivorship.Winner(candidates) is { } winner)
            {
                record.Set(role, winner.Value);
            }
        }
        return record;
    }
}
