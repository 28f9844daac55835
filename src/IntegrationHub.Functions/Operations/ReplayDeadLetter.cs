using IntegrationHub.Core.Operations;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Operations;

/// <summary><c>POST /api/deadletters/{id}/replay</c></summary>
public sealed class ReplayDeadLetter(DeadLetters deadLetters)
{
    [Function(nameof(ReplayDeadLetter))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deadletters/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await OperatorEndpoints.ReplayDeadLetterAsync(request, id, deadLetters, cancellationToken));
}
