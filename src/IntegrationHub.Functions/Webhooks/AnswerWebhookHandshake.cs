using IntegrationHub.Core.Webhooks;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Webhooks;

/// <summary><c>GET /api/webhooks/{connection}</c>: the GET some vendors send to check the URL before delivering.</summary>
public sealed class AnswerWebhookHandshake(WebhookIntake intake)
{
    [Function(nameof(AnswerWebhookHandshake))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{connection}")] HttpRequest request,
        string connection,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.AnswerHandshakeAsync(request, connection, intake, cancellationToken));
}
