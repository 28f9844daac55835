namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Two profiles the model scored as possibly one person, with the score explained field by field.</summary>
/// <param name="Id">Derived from the pair (<see cref="MatchSuggestionIds.For"/>): the same pair scored again is the
/// same suggestion, and a link made from it is the identity event <c>hub.match/{Id}</c>.</param>
/// <param name="ProfileA">The pair's ids when scored, ordinally the smaller first; old ids keep resolving.</param>
/// <param name="Status">A <see cref="SuggestionStatus"/>.</param>
public sealed record MatchSuggestion(
    string Id,
    string ProfileA,
    string ProfileB,
    double Probability,
    double MatchWeight,
    MatchExplanation Explanation,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt = null);
