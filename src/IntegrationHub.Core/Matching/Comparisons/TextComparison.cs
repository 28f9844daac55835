namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>Free text such as a street or a city: exact, two Jaro–Winkler bands, or different.</summary>
internal sealed class TextComparison(MatchRole role) : IFieldComparison
{
    public string Name { get; } = MatchRoles.Name(role);

    public IReadOnlyList<string> Levels { get; } = ["exact", "Jaro-Winkler >= 0.92", "Jaro-Winkler >= 0.80", "different"];

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
            return 0;
        }
        var similarity = JaroWinklerCache.Similarity(data, role, a, b, idA, idB);
        return similarity >= 0.92 ? 1 : similarity >= 0.80 ? 2 : 3;
    }
}
