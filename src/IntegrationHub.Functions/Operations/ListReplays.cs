using IntegrationHub.Core.Operations;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary><c>GET /api/replays</c></summary>
public sealed class ListReplays(Replays replays)
{
    [Function(nameof(ListReplays))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "replays")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await ReplayEndpoints.ListReplaysAsync(request, replays, cancellationToken));
}
