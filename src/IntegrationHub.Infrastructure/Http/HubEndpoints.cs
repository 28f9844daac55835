using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The hub's HTTP API, written once: <c>hub serve</c> maps these as minimal-API routes and the Functions
/// app's HTTP triggers call them, so both hosts answer identically.</summary>
public static class HubEndpoints
{
    /// <summary>What a 503 for a storage outage asks the vendor to wait before sending again.</summary>
    private const string StorageRetryAfterSeconds = "10";

    /// <summary><c>POST /api/webhooks/{connection}</c>: 202 with the delivery id once archived and queued, or 200 with the
    /// text a vendor's signed URL check expects (Slack's <c>url_verification</c>), which is not archived; 503 with a
    /// problem and Retry-After while storage does not answer.</summary>
    public static async Task<IResult> ReceiveWebhookAsync(
        HttpRequest request,
        string connection,
        WebhookIntake intake,
        IOptionsMonitor<HubOptions> options,
        CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.MaxBodyBytes;
        var webhook = await WebhookRequests.ReadAsync(request, connection, limit, cancellationToken);
        IntakeResult result;
        try
        {
            result = webhook is null
                ? IntakeResult.Rejected(WebhookProblem.BodyTooLarge(limit))
                : await intake.AcceptAsync(webhook, cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            // Not acknowledged, so the vendor retries; its redelivery finishes whatever half of the write got done.
            request.HttpContext.Response.Headers.RetryAfter = StorageRetryAfterSeconds;
            result = IntakeResult.Rejected(WebhookProblem.StorageUnavailable());
        }
        if (result.Answer is { } answer)
        {
            return Results.Text(answer, "text/plain", statusCode: StatusCodes.Status200OK);
        }
        return result.IsAccepted
            ? Results.Json(new WebhookAccepted(result.DeliveryId!, result.Duplicate), statusCode: StatusCodes.Status202Accepted)
            : HubProblems.From(result.Problem!, request);
    }

    /// <summary><c>GET /api/webhooks/{connection}</c>: a vendor's check of the URL (Meta's challenge, Mailchimp's
    /// validation). 200 with the text the vendor expects, or a problem; never writes anything.</summary>
    public static async Task<IResult> AnswerHandshakeAsync(
        HttpRequest request, string connection, WebhookIntake intake, CancellationToken cancellationToken)
    {
        var webhook = await WebhookRequests.ReadAsync(request, connection, maxBodyBytes: 0, cancellationToken);
        var result = webhook is null
            ? HandshakeResult.Refused(WebhookProblem.BodyTooLarge(0))
            : intake.Handshake(webhook);
        return result.IsAccepted
            ? Results.Text(result.Text, "text/plain", statusCode: StatusCodes.Status200OK)
            : HubProblems.From(result.Problem!, request);
    }

    /// <summary><c>GET /api/profiles?email=…</c></summary>
    public static async Task<IResult> FindProfileAsync(
        HttpRequest request, string? email, ProfileQueries queries, CancellationToken cancellationToken)
    {
        if (EmailAddress.Normalise(email) is null)
        {
            return HubProblems.BadRequest("Give a valid 'email' query parameter.", request);
        }
        var profile = await queries.FindByEmailAsync(email!, cancellationToken);
        return profile is null ? HubProblems.NotFound("No profile has that email.", request) : Results.Ok(profile);
    }

    /// <summary><c>GET /api/profiles/{id}</c>: 200 with the profile; for an id since merged into another profile (or
    /// renamed), 200 with the profile that holds it now, whose <c>id</c> is the current one.</summary>
    public static async Task<IResult> GetProfileAsync(
        HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken)
    {
        var profile = ProfileIds.IsWellFormed(id) ? await queries.GetAsync(id, cancellationToken) : null;
        return profile is null ? HubProblems.NotFound($"No profile '{id}'.", request) : Results.Ok(profile);
    }

    /// <summary><c>GET /api/profiles/{id}/timeline?pageSize=…&amp;continuation=…</c>, newest first.</summary>
    public static async Task<IResult> GetTimelineAsync(
        HttpRequest request, string id, ProfileQueries queries, CancellationToken cancellationToken)
    {
        if (!PageSizeQuery.TryRead(request, ProfileQueries.MaxPageSize, out var pageSize))
        {
            return HubProblems.BadRequest($"pageSize must be a whole number from 1 to {ProfileQueries.MaxPageSize}.", request);
        }
        if (!ProfileIds.IsWellFormed(id) || await queries.GetAsync(id, cancellationToken) is not { } profile)
        {
            return HubProblems.NotFound($"No profile '{id}'.", request);
        }
        try
        {
            // A merged or renamed id reads the timeline of the profile that holds it now.
            return Results.Ok(await queries.TimelineAsync(profile.Id, pageSize, request.Query["continuation"], cancellationToken));
        }
        catch (ArgumentException)
        {
            return HubProblems.BadRequest("The continuation is not one this timeline issued.", request);
        }
    }

    /// <summary><c>GET /api/health</c>: 200 when storage and transport answer, 503 otherwise.</summary>
    public static async Task<IResult> GetHealthAsync(IHubHealth health, CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        return Results.Json(report, statusCode: report.IsHealthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
