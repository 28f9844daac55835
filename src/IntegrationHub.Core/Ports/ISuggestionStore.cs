using IntegrationHub.Core.Matching.Pipeline;

namespace IntegrationHub.Core.Ports;

/// <summary>Scored pairs of profiles: the review queue (pending) and the record of every decision and automatic link.
/// One row per pair, so the same pair scored again updates it and never duplicates it.</summary>
public interface ISuggestionStore
{
    Task<MatchSuggestion?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Pending suggestions first, then decided ones.</summary>
    /// <exception cref="ArgumentException">The continuation is not one this store issued.</exception>
    Task<SuggestionPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Records a scored pair (<see cref="SuggestionStatus.Pending"/> or <see cref="SuggestionStatus.Linked"/>):
    /// inserted when new; a pending one takes the new score (and status); a decided one is left as it is. Returns the
    /// pair as stored.</summary>
    Task<MatchSuggestion> RecordAsync(MatchSuggestion scored, CancellationToken cancellationToken = default);

    /// <summary>Moves a pending suggestion to <paramref name="status"/>. Returns the suggestion as stored — unchanged
    /// when it was not pending — or null when there is none.</summary>
    Task<MatchSuggestion?> DecideAsync(string id, string status, DateTimeOffset at, CancellationToken cancellationToken = default);
}
