using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Webhooks;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The operators' replay API, served by both hosts: start a replay of a connection's archived deliveries,
/// watch it, list recent ones, cancel one.</summary>
public static class ReplayEndpoints
{
    /// <summary><c>POST /api/replays</c>: 202 with the job and its <c>Location</c>; 400/404/413 problems, nothing written.</summary>
    public static async Task<IResult> StartReplayAsync(
        HttpRequest request, Replays replays, IReplayLauncher launcher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(replays);
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, ReplayRequest.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return HubProblems.From(WebhookProblem.BodyTooLarge(ReplayRequest.MaxBodyBytes), request);
        }
        if (!ReplayRequest.TryParse(body, out var replay, out var problem))
        {
            return HubProblems.BadRequest(problem!, request);
        }
        if (!replays.IsConfigured(replay!.Connection))
        {
            return HubProblems.NotFound($"No connection '{replay.Connection}' is configured.", request);
        }
        var job = await replays.StartAsync(replay.Connection, replay.From, replay.To, launcher, cancellationToken);
        return Results.Accepted(Location(job.Id), job);
    }

    /// <summary><c>GET /api/replays/{id}</c>: the job's status and counts.</summary>
    public static async Task<IResult> GetReplayAsync(HttpRequest request, string id, Replays replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        return await replays.GetAsync(id, cancellationToken) is { } job
            ? Results.Ok(job)
            : HubProblems.NotFound($"No replay '{id}'.", request);
    }

    /// <summary><c>GET /api/replays?pageSize=…&amp;continuation=…</c>: recent jobs, newest first.</summary>
    public static async Task<IResult> ListReplaysAsync(HttpRequest request, Replays replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        return await PagedList.AnswerAsync(request, Replays.MaxPageSize,
            (pageSize, continuation) => replays.ListAsync(pageSize, continuation, cancellationToken));
    }

    /// <summary><c>POST /api/replays/{id}/cancel</c>: 202 with the job, now <c>cancelling</c> (it stops after the page
    /// in hand); 409 when it has already finished.</summary>
    public static async Task<IResult> CancelReplayAsync(HttpRequest request, string id, Replays replays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replays);
        var job = await replays.CancelAsync(id, cancellationToken);
        if (job is null)
        {
            return HubProblems.NotFound($"No replay '{id}'.", request);
        }
        return ReplayStatus.IsFinished(job.Status)
            ? HubProblems.Conflict($"Replay '{id}' has already finished: {job.Status}.", request)
            : Results.Json(job, statusCode: StatusCodes.Status202Accepted);
    }

    public static string Location(string id) => $"/api/replays/{id}";
}
