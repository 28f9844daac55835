using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Functions.Http;
using IntegrationHub.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace IntegrationHub.Functions.Matching;

/// <summary><c>POST /api/suggestions/{id}/reject</c></summary>
public sealed class RejectSuggestion(Suggestions suggestions)
{
    [Function(nameof(RejectSuggestion))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suggestions/{id}/reject")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        new ResultActionResult(await SuggestionEndpoints.RejectAsync(request, id, suggestions, cancellationToken));
}
