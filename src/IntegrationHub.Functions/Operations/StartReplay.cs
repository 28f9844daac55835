using IntegrationHub.Core.Operations;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace IntegrationHub.Functions.Operations;

/// <summary><c>POST /api/replays</c>: records the job and starts its orchestration. It answers with the hub's own job
/// resource (<c>202</c>, <c>Location: /api/replays/{id}</c>) rather than Durable's check-status links, so both hosts
/// answer alike and operators watch counts, not orchestration internals.</summary>
public sealed class StartReplay(Replays replays)
{
    [Function(nameof(StartReplay))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "replays")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await ReplayEndpoints.StartReplayAsync(request, replays, new DurableReplayLauncher(client), cancellationToken));
}
