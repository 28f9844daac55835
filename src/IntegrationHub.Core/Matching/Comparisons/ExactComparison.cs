namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>A field where only equality means anything, such as a state: exact or different.</summary>
internal sealed class ExactComparison(MatchRole role) : IFieldComparison
{
    public string Name { get; } = MatchRoles.Name(role);

    public IReadOnlyList<string> Levels { get; } = ["exact", "different"];

    public int Compare(MatchData data, int a, int b)
    {
        var idA = data.ValueId(role, a);
        var idB = data.ValueId(role, b);
        return idA < 0 || idB < 0 ? -1 : idA == idB ? 0 : 1;
    }
}
