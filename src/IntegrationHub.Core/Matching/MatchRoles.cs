namespace IntegrationHub.Core.Matching;

/// <summary>The roles in declaration order, and their display names.</summary>
public static class MatchRoles
{
    public static IReadOnlyList<MatchRole> All { get; } = Enum.GetValues<MatchRole>();

    /// <summary>The name used on the command line (<c>--column first_name=Given</c>) and in explanations.</summary>
    public static string Name(MatchRole role) => role switch
    {
        MatchRole.FirstName => "first_name",
        MatchRole.LastName => "last_name",
        MatchRole.Email => "email",
        MatchRole.Phone => "phone",
        MatchRole.DateOfBirth => "date_of_birth",
        MatchRole.StreetNumber => "street_number",
        MatchRole.StreetAddress => "street_address",
        MatchRole.AddressLine2 => "address_line_2",
        MatchRole.City => "city",
        MatchRole.Postcode => "postcode",
        MatchRole.State => "state",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Parses a role name as printed by <see cref="Name"/> (case, '-', '_' and spaces ignored).</summary>
    public static bool TryParse(string text, out MatchRole role)
    {
        var key = MatchColumnNames.Key(text);
        foreach (var candidate in All)
        {
            if (MatchColumnNames.Key(Name(candidate)) == key)
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
