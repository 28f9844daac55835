using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Suggestions in memory, with the table store's rules: one per pair, decided ones never change again.</summary>
public sealed class InMemorySuggestionStore : ISuggestionStore
{
    private readonly SortedDictionary<string, MatchSuggestion> _rows = new(StringComparer.Ordinal);

    public IReadOnlyCollection<MatchSuggestion> All => _rows.Values;

    /// <summary>A decision another operator stores first, just before the next <see cref="DecideAsync"/> or
    /// <see cref="RecordAsync"/> of a pending pair (a race).</summary>
    public string? RacingDecision { get; set; }

    public Task<MatchSuggestion?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.GetValueOrDefault(id));

    public Task<SuggestionPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SuggestionPage([.. _rows.Values.OrderBy(s => SuggestionStatus.IsDecided(s.Status)).Take(pageSize)], null));

    public Task<MatchSuggestion> RecordAsync(MatchSuggestion scored, CancellationToken cancellationToken = default)
    {
        if (_rows.TryGetValue(scored.Id, out var known))
        {
            if (RacingDecision is { } racing && !SuggestionStatus.IsDecided(known.Status))
            {
                _rows[scored.Id] = known = known with { Status = racing, DecidedAt = scored.CreatedAt };
                RacingDecision = null;
            }
            if (SuggestionStatus.IsDecided(known.Status))
            {
                return Task.FromResult(known);
            }
            scored = scored with { CreatedAt = known.CreatedAt };
        }
        _rows[scored.Id] = scored;
        return Task.FromResult(scored);
    }

    public Task<MatchSuggestion?> DecideAsync(string id, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!_rows.TryGetValue(id, out var known))
        {
            return Task.FromResult<MatchSuggestion?>(null);
        }
        if (RacingDecision is { } racing && !SuggestionStatus.IsDecided(known.Status))
        {
            _rows[id] = known = known with { Status = racing, DecidedAt = at };
            RacingDecision = null;
        }
        if (!SuggestionStatus.IsDecided(known.Status))
        {
            _rows[id] = known = known with { Status = status, DecidedAt = at };
        }
        return Task.FromResult<MatchSuggestion?>(known);
    }
}
