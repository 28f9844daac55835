namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>A short code such as a postcode, house number or phone number: exact, one character different (a typo or
/// two neighbouring characters swapped), optionally the same leading characters (the same postal district), or
/// different.</summary>
internal sealed class CodeComparison(MatchRole role, int sharedPrefix = 0) : IFieldComparison
{
    public string Name { get; } = MatchRoles.Name(role);

    public IReadOnlyList<string> Levels { get; } = sharedPrefix > 0
        ? ["exact", "one character different", $"same first {sharedPrefix} characters", "different"]
        : ["exact", "one character different", "different"];

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
        var x = data.Value(role, a)!;
        var y = data.Value(role, b)!;
        if (Similarity.OneEditApart(x, y))
        {
            return 1;
        }
        if (sharedPrefix > 0)
        {
            return x.Length >= sharedPrefix && y.Length >= sharedPrefix && x.AsSpan(0, sharedPrefix).SequenceEqual(y.AsSpan(0, sharedPrefix)) ? 2 : 3;
        }
        return 2;
    }
}
