using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>Reads the <c>pageSize</c> query parameter of a paged list.</summary>
public static class PageSizeQuery
{
    /// <summary>False when <c>pageSize</c> is present but not a whole number from 1 to <paramref name="max"/>.</summary>
    public static bool TryRead(HttpRequest request, int max, out int? pageSize)
    {
        ArgumentNullException.ThrowIfNull(request);
        pageSize = null;
        if (request.Query["pageSize"] is not { Count: > 0 } values)
        {
            return true;
        }
        if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > max)
        {
            return false;
        }
        pageSize = parsed;
        return true;
    }
}
