using System.Text.Json.Serialization;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>An operator's decision on a suggestion: the suggestion as stored and, once accepted, the profile that
/// holds both sides. <see cref="Decided"/> is false when it was not pending (or a side no longer exists), and nothing
/// changed.</summary>
public sealed record SuggestionDecision(MatchSuggestion Suggestion, string? ProfileId, [property: JsonIgnore] bool Decided);
