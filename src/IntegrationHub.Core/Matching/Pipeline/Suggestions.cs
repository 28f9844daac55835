using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>The operators' review queue: list and read suggestions, accept one (linked by the same fact as an automatic
/// link) or reject one (that pair is never suggested again).</summary>
public sealed class Suggestions(ISuggestionStore store, ProbabilisticLinker linker, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <exception cref="ArgumentException">The continuation is not one this hub issued.</exception>
    public Task<SuggestionPage> ListAsync(int? pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        store.ListAsync(Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), continuation, cancellationToken);

    public async Task<MatchSuggestion?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        MatchSuggestionIds.IsWellFormed(id) ? await store.GetAsync(id, cancellationToken) : null;

    /// <summary>Links the pair (whatever ids its profiles have now), then marks it accepted. Null for an unknown id.</summary>
    public async Task<SuggestionDecision?> AcceptAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken) is not { } suggestion)
        {
            return null;
        }
        if (SuggestionStatus.IsDecided(suggestion.Status))
        {
            return new SuggestionDecision(suggestion, null, Decided: false);
        }
        // Link first: a crash before the status is written leaves it pending, and accepting again links nothing twice.
        var link = await linker.LinkAsync(suggestion, SuggestionStatus.Accepted, cancellationToken);
        if (link.ProfileId is null)
        {
            return new SuggestionDecision(suggestion, null, Decided: false);
        }
        var decision = await DecideAsync(id, SuggestionStatus.Accepted, link.ProfileId, cancellationToken);
        if (decision is { Decided: false, Suggestion.Status: SuggestionStatus.Rejected })
        {
            // A reject was stored between our read and our decision: it wins, so the link made above is undone.
            await linker.UnlinkAsync(suggestion, link, cancellationToken);
            return decision with { ProfileId = null };
        }
        return decision;
    }

    /// <summary>Marks the pair rejected: it stays apart and is never suggested again. Null for an unknown id.</summary>
    public async Task<SuggestionDecision?> RejectAsync(string id, CancellationToken cancellationToken = default) =>
        await GetAsync(id, cancellationToken) switch
        {
            null => null,
            { Status: not SuggestionStatus.Pending } decided => new SuggestionDecision(decided, null, Decided: false),
            _ => await DecideAsync(id, SuggestionStatus.Rejected, null, cancellationToken),
        };

    private async Task<SuggestionDecision?> DecideAsync(string id, string status, string? profileId, CancellationToken cancellationToken)
    {
        var stored = await store.DecideAsync(id, status, time.GetUtcNow(), cancellationToken);
        // The store moves only a pending suggestion: another decision that got there first shows as its own status.
        return stored is null ? null : new SuggestionDecision(stored, profileId, stored.Status == status);
    }
}
