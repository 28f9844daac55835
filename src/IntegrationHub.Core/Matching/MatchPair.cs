namespace IntegrationHub.Core.Matching;

/// <summary>Two records (indices into the matched list, A &lt; B) with their match weight and probability.</summary>
public readonly record struct MatchPair(int A, int B, double MatchWeight, double Probability);
