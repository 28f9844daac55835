using System.Globalization;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>GET /api/profiles/{id}/timeline?pageSize=…&amp;continuation=…</c></summary>
public sealed class GetTimeline(ProfileQueries queries)
{
    [Function(nameof(GetTimeline))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "profiles/{id}/timeline")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!TryReadPageSize(request, out var pageSize))
        {
            return new ResultActionResult(HubProblems.BadRequest("pageSize must be a whole number.", request));
        }
        string? continuation = request.Query["continuation"];
        return new ResultActionResult(await HubEndpoints.GetTimelineAsync(request, id, pageSize, continuation, queries, cancellationToken));
    }

    private static bool TryReadPageSize(HttpRequest request, out int? pageSize)
    {
        pageSize = null;
        if (request.Query["pageSize"] is not { Count: > 0 } values)
        {
            return true;
        }
        if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        pageSize = parsed;
        return true;
    }
}
