using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>POST /api/profiles/{id}/unlink</c></summary>
public sealed class UnlinkIdentifier(ProfileQueries queries, IdentityResolver resolver, IdentifierPolicy policy)
{
    [Function(nameof(UnlinkIdentifier))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "profiles/{id}/unlink")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IdentityEndpoints.UnlinkAsync(request, id, queries, resolver, policy, cancellationToken));
}
