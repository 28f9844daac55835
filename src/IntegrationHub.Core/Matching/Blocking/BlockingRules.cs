namespace IntegrationHub.Core.Matching.Blocking;

/// <summary>The generic blocking rules: each is cheap to meet for a true duplicate and rare for two different people,
/// and together they catch a duplicate whose corruption defeats any one of them. Only rules whose fields the list has
/// are used.</summary>
internal static class BlockingRules
{
    public static IReadOnlyList<BlockingRule> For(IReadOnlySet<MatchRole> present)
    {
        var rules = new List<BlockingRule>();
        void Add(string name, MatchRole[] roles, Func<MatchData, int, string?> key)
        {
            if (roles.All(present.Contains))
            {
                rules.Add(new BlockingRule(name, key));
            }
        }

        Add("email", [MatchRole.Email], (d, i) => d.Value(MatchRole.Email, i));
        Add("phone", [MatchRole.Phone], (d, i) => d.Value(MatchRole.Phone, i));
        Add("email user name", [MatchRole.Email], (d, i) => UserName(d.Value(MatchRole.Email, i)));
        Add("full name (either order) + birth year", [MatchRole.FirstName, MatchRole.LastName, MatchRole.DateOfBirth],
            (d, i) => Join(FullName(d, i), Year(d, i)));
        Add("surname prefix + first initial + birth year", [MatchRole.LastName, MatchRole.FirstName, MatchRole.DateOfBirth],
            (d, i) => Join(Join(Prefix(d.Value(MatchRole.LastName, i), 3), Prefix(d.Value(MatchRole.FirstName, i), 1)), Year(d, i)));
        Add("surname soundex + first name soundex", [MatchRole.LastName, MatchRole.FirstName],
            (d, i) => Join(Soundex.Encode(d.Value(MatchRole.LastName, i)), Soundex.Encode(d.Value(MatchRole.FirstName, i))));
        Add("first name soundex + date of birth", [MatchRole.FirstName, MatchRole.DateOfBirth],
            (d, i) => Join(Soundex.Encode(d.Value(MatchRole.FirstName, i)), d.Value(MatchRole.DateOfBirth, i)));
        Add("surname soundex + date of birth", [MatchRole.LastName, MatchRole.DateOfBirth],
            (d, i) => Join(Soundex.Encode(d.Value(MatchRole.LastName, i)), d.Value(MatchRole.DateOfBirth, i)));
        Add("date of birth + first initial", [MatchRole.DateOfBirth, MatchRole.FirstName],
            (d, i) => Join(d.Value(MatchRole.DateOfBirth, i), Prefix(d.Value(MatchRole.FirstName, i), 1)));
        Add("city + surname soundex", [MatchRole.City, MatchRole.LastName],
            (d, i) => Join(d.Value(MatchRole.City, i), Soundex.Encode(d.Value(MatchRole.LastName, i))));
        Add("postcode + first name soundex", [MatchRole.Postcode, MatchRole.FirstName],
            (d, i) => Join(d.Value(MatchRole.Postcode, i), Soundex.Encode(d.Value(MatchRole.FirstName, i))));
        Add("postcode + surname soundex", [MatchRole.Postcode, MatchRole.LastName],
            (d, i) => Join(d.Value(MatchRole.Postcode, i), Soundex.Encode(d.Value(MatchRole.LastName, i))));
        Add("street + street number", [MatchRole.StreetAddress, MatchRole.StreetNumber],
            (d, i) => Join(d.Value(MatchRole.StreetAddress, i), d.Value(MatchRole.StreetNumber, i)));
        return rules;
    }

    private static string? FullName(MatchData data, int record)
    {
        var first = data.Value(MatchRole.FirstName, record);
        var last = data.Value(MatchRole.LastName, record);
        return first is null || last is null ? null
            : string.CompareOrdinal(first, last) <= 0 ? Join(first, last) : Join(last, first);
    }

    private static string? UserName(string? email) => email?[..email.IndexOf('@', StringComparison.Ordinal)];

    private static string? Year(MatchData data, int record) => Prefix(data.Value(MatchRole.DateOfBirth, record), 4);

    private static string? Prefix(string? value, int length) =>
        value is null ? null : value.Length <= length ? value : value[..length];

    private static string? Join(string? a, string? b) => a is null || b is null ? null : string.Concat(a, "\u001f", b);
}
