using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching;

/// <summary>The outcome of a run: a cluster per record (the connected components of the automatic links), the links,
/// the suggestions left for review, the learned model and the run's statistics.</summary>
public sealed class MatchResult
{
    private readonly MatchData data;
    private readonly ComparisonSet comparisons;

    internal MatchResult(
        MatchData data, ComparisonSet comparisons, int[] clusters, IReadOnlyList<MatchPair> links,
        IReadOnlyList<MatchPair> suggestions, MatchModel model, MatchStatistics statistics)
    {
        this.data = data;
        this.comparisons = comparisons;
        Clusters = clusters;
        Links = links;
        Suggestions = suggestions;
        Model = model;
        Statistics = statistics;
    }

    /// <summary>A cluster number per input record (0, 1, 2… in order of each cluster's first record).</summary>
    public IReadOnlyList<int> Clusters { get; }

    /// <summary>Pairs linked automatically (probability at or above the threshold).</summary>
    public IReadOnlyList<MatchPair> Links { get; }

    /// <summary>Pairs in the review band: shown to a person, never merged.</summary>
    public IReadOnlyList<MatchPair> Suggestions { get; }

    public MatchModel Model { get; }

    public MatchStatistics Statistics { get; }

    /// <summary>Explains the score of any two records of the list (indices), compared or not.</summary>
    public MatchExplanation Explain(int a, int b)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(a, data.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(b, data.Count);
        return Model.Explain(comparisons.Compare(data, Math.Min(a, b), Math.Max(a, b)));
    }
}
