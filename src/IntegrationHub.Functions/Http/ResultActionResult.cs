using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationHub.Functions.Http;

/// <summary>Lets a Functions HTTP trigger (which returns <see cref="IActionResult"/>) answer with the same
/// minimal-API <see cref="IResult"/> that <c>hub serve</c> returns, so both hosts share one implementation.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}
