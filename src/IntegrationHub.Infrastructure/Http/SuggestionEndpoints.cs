using IntegrationHub.Core.Matching.Pipeline;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The operators' review queue, served by both hosts: suggestions the model scored in the review band, each
/// with its score explained field by field, to accept (linked like an automatic match) or reject (never suggested
/// again). The answers name profiles by id and fields by name; they carry no field values.</summary>
public static class SuggestionEndpoints
{
    /// <summary><c>GET /api/suggestions?pageSize=…&amp;continuation=…</c>: pending first, then decided.</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, Suggestions suggestions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return await PagedList.AnswerAsync(request, Suggestions.MaxPageSize,
            (pageSize, continuation) => suggestions.ListAsync(pageSize, continuation, cancellationToken));
    }

    /// <summary><c>GET /api/suggestions/{id}</c>: the pair, its score and each field's contribution.</summary>
    public static async Task<IResult> GetAsync(HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return await suggestions.GetAsync(id, cancellationToken) is { } suggestion
            ? Results.Ok(suggestion)
            : NotFound(request, id);
    }

    /// <summary><c>POST /api/suggestions/{id}/accept</c>: links the pair (whatever ids its profiles have now); 200 with
    /// the decision and the profile holding both; 409 when it is not pending.</summary>
    public static async Task<IResult> AcceptAsync(HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return Answer(request, id, await suggestions.AcceptAsync(id, cancellationToken));
    }

    /// <summary><c>POST /api/suggestions/{id}/reject</c>: the pair stays apart and is never suggested again; 409 when it
    /// is not pending.</summary>
    public static async Task<IResult> RejectAsync(HttpRequest request, string id, Suggestions suggestions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return Answer(request, id, await suggestions.RejectAsync(id, cancellationToken));
    }

    private static IResult Answer(HttpRequest request, string id, SuggestionDecision? decision) => decision switch
    {
        null => NotFound(request, id),
        { Decided: true } => Results.Ok(decision),
        { Suggestion.Status: SuggestionStatus.Pending } =>
            HubProblems.Conflict($"Suggestion '{id}' cannot be accepted: one of its profiles no longer exists.", request),
        _ => HubProblems.Conflict($"Suggestion '{id}' is not pending: it is {decision.Suggestion.Status}.", request),
    };

    /// <summary>Names the id only when it is one of ours: whatever else was in the path (an email pasted by mistake)
    /// is not repeated into a problem detail that may be logged.</summary>
    private static IResult NotFound(HttpRequest request, string id) => HubProblems.NotFound(
        MatchSuggestionIds.IsWellFormed(id) ? $"No suggestion '{id}'." : "No suggestion has that id.", request);
}
