using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Matching;

/// <summary><c>POST /api/suggestions/{id}/accept</c></summary>
public sealed class AcceptSuggestion(Suggestions suggestions)
{
    [Function(nameof(AcceptSuggestion))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suggestions/{id}/accept")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await SuggestionEndpoints.AcceptAsync(request, id, suggestions, cancellationToken));
}
