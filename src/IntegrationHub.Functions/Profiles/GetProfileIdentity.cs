using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>GET /api/profiles/{id}/identity</c></summary>
public sealed class GetProfileIdentity(ProfileQueries queries)
{
    [Function(nameof(GetProfileIdentity))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "profiles/{id}/identity")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IdentityEndpoints.GetIdentityAsync(request, id, queries, cancellationToken));
}
