using IntegrationHub.Core.Ports;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Health;

/// <summary><c>GET /api/health</c>: anonymous, so load balancers and probes can read it; it carries no personal data.</summary>
public sealed class GetHealth(IHubHealth health)
{
    [Function(nameof(GetHealth))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.GetHealthAsync(health, cancellationToken));
}
