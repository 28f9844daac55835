using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>POST /api/profiles/{id}/relink</c></summary>
public sealed class RelinkIdentifier(ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy)
{
    [Function(nameof(RelinkIdentifier))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "profiles/{id}/relink")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IdentityEndpoints.RelinkAsync(request, id, queries, resolver, policy, cancellationToken));
}
