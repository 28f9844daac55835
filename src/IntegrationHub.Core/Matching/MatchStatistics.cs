namespace IntegrationHub.Core.Matching;

/// <summary>What a run did: records, all possible pairs (n(n−1)/2, or n₁·n₂ when linking two lists), the pairs the
/// blocking rules actually compared, blocks left out for size, and how the estimation went.</summary>
public sealed record MatchStatistics(
    int Records,
    long AllPairs,
    long PairsCompared,
    int BlocksSkipped,
    IReadOnlyList<string> BlockingRules,
    int Iterations,
    bool Converged);
