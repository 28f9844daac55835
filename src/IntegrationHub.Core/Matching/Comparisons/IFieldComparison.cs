namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>Compares one field (or a pair of related fields) of two records and says which agreement level they
/// reach. Levels run from the strongest agreement (0) to "different" (the last); -1 means a value is missing, which
/// counts as neither evidence for nor against a match.</summary>
internal interface IFieldComparison
{
    string Name { get; }

    IReadOnlyList<string> Levels { get; }

    int Compare(MatchData data, int a, int b);
}
