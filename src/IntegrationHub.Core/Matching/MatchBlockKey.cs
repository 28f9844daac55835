namespace IntegrationHub.Core.Matching;

/// <summary>A record's key under one blocking rule (normalised values, so it is personal data: hash it before it is
/// stored anywhere).</summary>
public sealed record MatchBlockKey(string Rule, string Key);
