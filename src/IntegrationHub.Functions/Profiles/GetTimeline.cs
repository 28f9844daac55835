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
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.GetTimelineAsync(request, id, queries, cancellationToken));
}
