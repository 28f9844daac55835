using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>Answers a paged list read with <c>pageSize</c> and <c>continuation</c> query parameters.</summary>
public static class PagedList
{
    /// <summary>200 with the page; 400 for a bad <c>pageSize</c> or a continuation this hub did not issue.</summary>
    public static async Task<IResult> AnswerAsync<TPage>(HttpRequest request, int maxPageSize, Func<int?, string?, Task<TPage>> list)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(list);
        if (!PageSizeQuery.TryRead(request, maxPageSize, out var pageSize))
        {
            return HubProblems.BadRequest($"pageSize must be a whole number from 1 to {maxPageSize}.", request);
        }
        try
        {
            return Results.Ok(await list(pageSize, request.Query["continuation"]));
        }
        catch (ArgumentException)
        {
            return HubProblems.BadRequest("The continuation is not one this hub issued.", request);
        }
    }
}
