namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>A date of birth (<c>yyyymmdd</c>): exact, day and month swapped, one digit different (a typo or two
/// neighbouring digits swapped), the same year, or different.</summary>
internal sealed class DateComparison(MatchRole role) : IFieldComparison
{
    public string Name { get; } = MatchRoles.Name(role);

    public IReadOnlyList<string> Levels { get; } = ["exact", "day and month swapped", "one digit different", "same year", "different"];

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
        var x = data.Value(role, a)!.AsSpan();
        var y = data.Value(role, b)!.AsSpan();
        var sameYear = x[..4].SequenceEqual(y[..4]);
        if (sameYear && x[4..6].SequenceEqual(y[6..8]) && x[6..8].SequenceEqual(y[4..6]))
        {
            return 1;
        }
        if (Similarity.OneEditApart(x, y))
        {
            return 2;
        }
        return sameYear ? 3 : 4;
    }
}
