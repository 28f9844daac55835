using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Functions.Webhooks;

/// <summary><c>POST /api/webhooks/{connection}</c>. Anonymous at the Functions level: every delivery is verified by its
/// vendor's signature instead.</summary>
public sealed class ReceiveWebhook(WebhookIntake intake, IOptionsMonitor<HubOptions> options)
{
    [Function(nameof(ReceiveWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{connection}")] HttpRequest request,
        string connection,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await HubEndpoints.ReceiveWebhookAsync(request, connection, intake, options, cancellationToken));
}
