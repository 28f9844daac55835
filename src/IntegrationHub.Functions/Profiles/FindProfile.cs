using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>GET /api/profiles?email=…</c></summary>
public sealed class FindProfile(ProfileQueries queries)
{
    [Function(nameof(FindProfile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "profiles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.FindProfileAsync(request, request.Query["email"], queries, cancellationToken));
}
