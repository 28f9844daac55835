using IntegrationHub.Core.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>Reads an ASP.NET Core request into a <see cref="WebhookRequest"/>, holding at most the body limit.</summary>
public static class WebhookRequests
{
    /// <summary>Returns the request, or null when the body is over <paramref name="maxBodyBytes"/>.</summary>
    public static async Task<WebhookRequest?> ReadAsync(
        HttpRequest request, string connection, int maxBodyBytes, CancellationToken cancellationToken = default)
    {
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, maxBodyBytes, cancellationToken);
        if (body is null)
        {
            return null;
        }
        var headers = request.Headers.ToDictionary(
            h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new WebhookRequest(connection, request.Method, new Uri(request.GetEncodedUrl()), headers, body);
    }
}
