namespace IntegrationHub.Core.Matching;

/// <summary>What one field added to a pair's score: the level the two values reached and its match weight (0 when a
/// value is missing).</summary>
public sealed record FieldContribution(string Field, string Level, double Weight);
