namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>An email address: exact, the same user name at another domain, a similar user name (Jaro–Winkler ≥ 0.88),
/// or different.</summary>
internal sealed class EmailComparison : IFieldComparison
{
    public string Name { get; } = MatchRoles.Name(MatchRole.Email);

    public IReadOnlyList<string> Levels { get; } = ["exact", "same user name", "user name Jaro-Winkler >= 0.88", "different"];

    public int Compare(MatchData data, int a, int b)
    {
        var idA = data.ValueId(MatchRole.Email, a);
        var idB = data.ValueId(MatchRole.Email, b);
        if (idA < 0 || idB < 0)
        {
            return -1;
        }
        if (idA == idB)
        {
            return 0;
        }
        var x = UserName(data.Value(MatchRole.Email, a)!);
        var y = UserName(data.Value(MatchRole.Email, b)!);
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return 1;
        }
        return Similarity.JaroWinkler(x, y) >= 0.88 ? 2 : 3;
    }

    private static string UserName(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];
}
