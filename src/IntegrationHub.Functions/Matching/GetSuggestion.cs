using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Matching;

/// <summary><c>GET /api/suggestions/{id}</c></summary>
public sealed class GetSuggestion(Suggestions suggestions)
{
    [Function(nameof(GetSuggestion))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suggestions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await SuggestionEndpoints.GetAsync(request, id, suggestions, cancellationToken));
}
