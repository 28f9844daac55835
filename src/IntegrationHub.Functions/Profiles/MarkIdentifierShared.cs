using IntegrationHub.Core.Identity;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Profiles;

/// <summary><c>POST /api/identifiers/shared</c></summary>
public sealed class MarkIdentifierShared(IdentityResolver resolver, IdentifierPolicy policy)
{
    [Function(nameof(MarkIdentifierShared))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "identifiers/shared")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await IdentityEndpoints.MarkSharedAsync(request, resolver, policy, cancellationToken));
}
