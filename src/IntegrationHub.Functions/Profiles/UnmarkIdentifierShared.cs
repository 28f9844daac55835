using IntegrationHub.Core.Identity;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>POST /api/identifiers/unshared</c></summary>
public sealed class UnmarkIdentifierShared(IdentityResolver resolver, IdentifierPolicy policy)
{
    [Function(nameof(UnmarkIdentifierShared))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "identifiers/unshared")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IdentityEndpoints.UnmarkSharedAsync(request, resolver, policy, cancellationToken));
}
