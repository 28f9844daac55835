namespace IntegrationHub.Core.Matching;

/// <summary>A compared field and its learned levels.</summary>
public sealed record MatchModelField(string Name, IReadOnlyList<MatchModelLevel> Levels);
