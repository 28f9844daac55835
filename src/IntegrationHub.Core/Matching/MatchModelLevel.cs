namespace IntegrationHub.Core.Matching;

/// <summary>One agreement level of a field: how often true matches (m) and different people (u) reach it, and the
/// resulting match weight log2(m/u).</summary>
public sealed record MatchModelLevel(string Label, double M, double U, double Weight);
