using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>The pipeline's matching step: compares a profile whose matching fields changed with the profiles that share
/// a blocking key with it, scores each pair with the saved model, links the pairs at or above the threshold and leaves
/// the review band as suggestions. Idempotent: a pair already decided is never scored into a new decision, links are
/// facts keyed by the pair, and suggestions are one row per pair.</summary>
public sealed partial class ProfileMatcher(
    IMatchModelSource source,
    IOptions<MatchingOptions> options,
    IOptions<HubOptions> hub,
    IIdentityGraphStore graph,
    IProfileStore profiles,
    IMatchBlockIndex blocks,
    ISuggestionStore suggestions,
    ProbabilisticLinker linker,
    TimeProvider time,
    ILogger<ProfileMatcher> logger)
{
    public async Task<MatchProfileResult> MatchAsync(string profileId, CancellationToken cancellationToken = default)
    {
        if (source.Model is not { } model)
        {
            return MatchProfileResult.Off;
        }
        var settings = options.Value;
        var region = hub.Value.DefaultPhoneRegion;
        if (await graph.ResolveIdAsync(profileId, cancellationToken) is not { } current
            || await profiles.GetAsync(current, cancellationToken) is not { } profile)
        {
            return new MatchProfileResult(true, 0, 0, 0);
        }
        var record = ProfileMatchRecord.From(profile);
        var others = await CandidatesAsync(model, record, current, settings.MaxCandidatesPerBlock, cancellationToken);
        var explanations = model.Explain(record, [.. others.Select(ProfileMatchRecord.From)], region, cancellationToken);
        var (suggested, linked) = (0, 0);
        for (var i = 0; i < others.Count; i++)
        {
            var explanation = explanations[i];
            if (explanation.Probability < settings.ReviewThreshold)
            {
                continue;
            }
            var id = MatchSuggestionIds.For(current, others[i].Id);
            if (await suggestions.GetAsync(id, cancellationToken) is { } known && SuggestionStatus.IsDecided(known.Status))
            {
                // Linked, accepted or rejected before: an operator's decision (or an earlier link) stands.
                continue;
            }
            var (a, b) = MatchSuggestionIds.Order(current, others[i].Id);
            var autoLink = explanation.Probability >= settings.Threshold
                && explanation.Fields.Count(f => f.Weight > 0) >= settings.MinAgreeingFieldsToLink;
            var suggestion = new MatchSuggestion(
                id, a, b, explanation.Probability, explanation.MatchWeight, explanation,
                autoLink ? SuggestionStatus.Linked : SuggestionStatus.Pending, time.GetUtcNow());
            MatchLinkResult? link = null;
            if (autoLink)
            {
                // Link first, record second: a crash between them leaves no "linked" row that stops the retry linking.
                link = await linker.LinkAsync(suggestion, SuggestionStatus.Linked, cancellationToken);
                linked++;
            }
            else
            {
                suggested++;
            }
            var stored = await suggestions.RecordAsync(suggestion with { DecidedAt = autoLink ? suggestion.CreatedAt : null }, cancellationToken);
            if (link is not null && stored.Status == SuggestionStatus.Rejected)
            {
                // An operator rejected the pair between our read and our record: the rejection stands, so the link
                // made above is undone.
                await linker.UnlinkAsync(suggestion, link, cancellationToken);
                linked--;
            }
        }
        LogMatched(current, others.Count, suggested, linked);
        return new MatchProfileResult(true, others.Count, suggested, linked);
    }

    /// <summary>Adds the profile to its blocks and returns the current profiles that share one with it. Ids that are no
    /// longer profiles of their own are followed to their profile and taken out of the block.</summary>
    private async Task<List<UnifiedProfile>> CandidatesAsync(
        MatchModel model, MatchRecord record, string current, int maxPerBlock, CancellationToken cancellationToken)
    {
        var resolvedIds = new Dictionary<string, string?>(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<UnifiedProfile>();
        foreach (var block in MatchBlocks.For(model, record, hub.Value.DefaultPhoneRegion))
        {
            if (await blocks.MembersAsync(block, maxPerBlock, cancellationToken) is not { } members)
            {
                continue;
            }
            if (!members.Contains(current, StringComparer.Ordinal))
            {
                await blocks.AddAsync(block, current, cancellationToken);
            }
            foreach (var member in members.Where(m => m != current))
            {
                if (!resolvedIds.TryGetValue(member, out var resolved))
                {
                    resolvedIds[member] = resolved = await graph.ResolveIdAsync(member, cancellationToken);
                }
                if (resolved != member)
                {
                    await blocks.RemoveAsync(block, member, cancellationToken);
                }
                if (resolved is not null && resolved != current && found.Add(resolved)
                    && await profiles.GetAsync(resolved, cancellationToken) is { } candidate)
                {
                    candidates.Add(candidate);
                }
            }
        }
        return candidates;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matched profile {ProfileId}: {Candidates} candidates, {Suggested} suggested, {Linked} linked")]
    private partial void LogMatched(string profileId, int candidates, int suggested, int linked);
}
