using IntegrationHub.Core.Operations;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary><c>POST /api/replays/{id}/cancel</c>: the orchestration sees the request when it next records progress.</summary>
public sealed class CancelReplay(Replays replays)
{
    [Function(nameof(CancelReplay))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "replays/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await ReplayEndpoints.CancelReplayAsync(request, id, replays, cancellationToken));
}
