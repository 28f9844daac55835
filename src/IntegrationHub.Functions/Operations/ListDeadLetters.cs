using IntegrationHub.Core.Operations;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary><c>GET /api/deadletters</c></summary>
public sealed class ListDeadLetters(DeadLetters deadLetters)
{
    [Function(nameof(ListDeadLetters))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deadletters")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await OperatorEndpoints.ListDeadLettersAsync(request, deadLetters, cancellationToken));
}
