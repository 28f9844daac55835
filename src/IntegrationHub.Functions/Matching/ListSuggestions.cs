using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Matching;

/// <summary><c>GET /api/suggestions</c></summary>
public sealed class ListSuggestions(Suggestions suggestions)
{
    [Function(nameof(ListSuggestions))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suggestions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await SuggestionEndpoints.ListAsync(request, suggestions, cancellationToken));
}
