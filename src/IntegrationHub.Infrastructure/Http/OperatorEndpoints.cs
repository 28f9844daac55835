using IntegrationHub.Core.Operations;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The operators' API, served by both hosts: dead letters and their replay.</summary>
public static class OperatorEndpoints
{
    /// <summary><c>GET /api/deadletters?pageSize=…&amp;continuation=…</c>: what failed, why, how many times.</summary>
    public static async Task<IResult> ListDeadLettersAsync(HttpRequest request, DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        return await PagedList.AnswerAsync(request, DeadLetters.MaxPageSize,
            (pageSize, continuation) => deadLetters.ListAsync(pageSize, continuation, cancellationToken));
    }

    /// <summary><c>POST /api/deadletters/{id}/replay</c>: queue the delivery again through today's normalisers; 202.</summary>
    public static async Task<IResult> ReplayDeadLetterAsync(
        HttpRequest request, string id, DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetters);
        var replayed = await deadLetters.ReplayAsync(id, cancellationToken);
        return replayed is null
            ? HubProblems.NotFound($"No dead letter '{id}'.", request)
            : Results.Json(replayed, statusCode: StatusCodes.Status202Accepted);
    }
}
