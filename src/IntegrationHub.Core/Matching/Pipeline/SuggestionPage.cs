namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>One page of suggestions, pending first; <paramref name="Continuation"/> reads the next (null on the last).</summary>
public sealed record SuggestionPage(IReadOnlyList<MatchSuggestion> Items, string? Continuation);
