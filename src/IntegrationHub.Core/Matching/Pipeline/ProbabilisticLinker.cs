using System.Globalization;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Links two profiles the model (or an operator) says are one person by recording a fact the identity graph
/// already understands: an event of the connection <see cref="Connection"/>, id = the suggestion's id, carrying one
/// identifier of each profile (the one its id was derived from). So a probabilistic link merges like any shared
/// identifier — order-independent, with a merge record naming this event, old ids resolving — and
/// <c>POST /api/profiles/{id}/unlink</c> on that event undoes it.</summary>
public sealed class ProbabilisticLinker(IIdentityGraphStore graph, IdentityResolver identities, TimeProvider time)
{
    /// <summary>Not a valid connection name ('.' is not allowed in one), so no configured source can collide with it.</summary>
    public const string Connection = "hub.match";

    /// <param name="decision"><see cref="SuggestionStatus.Linked"/> (automatically) or <see cref="SuggestionStatus.Accepted"/>
    /// (by an operator): shown on the timeline entry the link adds.</param>
    public async Task<MatchLinkResult> LinkAsync(MatchSuggestion suggestion, string decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var a = await ProfileAsync(suggestion.ProfileA, cancellationToken);
        var b = await ProfileAsync(suggestion.ProfileB, cancellationToken);
        if (a is null || b is null)
        {
            return new MatchLinkResult(null, []);
        }
        if (a.Id == b.Id)
        {
            return new MatchLinkResult(a.Id, []);
        }
        var at = time.GetUtcNow();
        var reference = new EventRef(Connection, suggestion.Id);
        var link = IdentityEvent.Create(reference, at, [Home(a), Home(b)]);
        var summary = string.Create(CultureInfo.InvariantCulture, $"Linked by probabilistic match (p={suggestion.Probability:0.####})");
        var interaction = new Interaction(
            InteractionTypes.ProfilesMatched, suggestion.Id, at, Connection, Connection, suggestion.Id, decision, summary);
        var result = await identities.ApplyAsync(
            link, new PersonTraits(null, at, null, null, null, null), interaction, cancellationToken);
        return new MatchLinkResult(result.State.EventProfile.GetValueOrDefault(reference), result.Changes, Home(b));
    }

    /// <summary>Undoes what <see cref="LinkAsync"/> linked for <paramref name="suggestion"/> (an operator's unlink on
    /// the event <c>hub.match/{id}</c>), for a link whose decision lost to another.</summary>
    public async Task UnlinkAsync(MatchSuggestion suggestion, MatchLinkResult link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        ArgumentNullException.ThrowIfNull(link);
        if (link.Linked is { } identifier)
        {
            await identities.UnlinkAsync(new EventRef(Connection, suggestion.Id), identifier, cancellationToken);
        }
    }

    private async Task<IdentityProfile?> ProfileAsync(string profileId, CancellationToken cancellationToken) =>
        await graph.ResolveIdAsync(profileId, cancellationToken) is { } current
            ? await graph.GetProfileAsync(current, cancellationToken)
            : null;

    /// <summary>The identifier the profile's id was derived from: the home of its earliest event.</summary>
    private static IdentityKey Home(IdentityProfile profile) =>
        profile.Identifiers.FirstOrDefault(k => ProfileIds.For(k) == profile.Id) ?? profile.Identifiers[0];
}
