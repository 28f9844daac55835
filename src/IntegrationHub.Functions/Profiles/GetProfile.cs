using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>GET /api/profiles/{id}</c></summary>
public sealed class GetProfile(ProfileQueries queries)
{
    [Function(nameof(GetProfile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "profiles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.GetProfileAsync(request, id, queries, cancellationToken));
}
