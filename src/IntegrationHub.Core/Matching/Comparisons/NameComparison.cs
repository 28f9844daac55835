namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>A first or last name: exact, swapped with the other name field (first and last names entered the wrong way
/// round), two Jaro–Winkler bands, an initial matching a full name, or different.</summary>
internal sealed class NameComparison(MatchRole role, MatchRole? swappedWith) : IFieldComparison
{
    private const int Exact = 0, Swapped = 1, High = 2, Medium = 3, Initial = 4, Different = 5;

    public string Name { get; } = MatchRoles.Name(role);

    public IReadOnlyList<string> Levels { get; } =
    [
        "exact",
        swappedWith is { } other ? $"equals the other's {MatchRoles.Name(other)}" : "swapped",
        "Jaro-Winkler >= 0.92",
        "Jaro-Winkler >= 0.80",
        "initial matches",
        "different",
    ];

    public int Compare(MatchData data, int a, int b)
    {
        var idA = data.ValueId(role, a);
        var idB = data.ValueId(role, b);
        if (idA < 0 || idB < 0)
        {
            return -1;
        }
        if (idA == idB)
        {
            return Exact;
        }
        var x = data.Value(role, a)!;
        var y = data.Value(role, b)!;
        if (swappedWith is { } other && (string.Equals(x, data.Value(other, b), StringComparison.Ordinal)
            || string.Equals(y, data.Value(other, a), StringComparison.Ordinal)))
        {
            return Swapped;
        }
        if (x.Length == 1 || y.Length == 1)
        {
            return x[0] == y[0] ? Initial : Different;
        }
        var similarity = JaroWinklerCache.Similarity(data, role, a, b, idA, idB);
        return similarity >= 0.92 ? High : similarity >= 0.80 ? Medium : Different;
    }
}
