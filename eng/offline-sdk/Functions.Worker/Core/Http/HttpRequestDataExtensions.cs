// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (HttpRequestDataExtensions, subset: the members that need no worker serializer).
using System.Net;
using System.Text;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>Provides extension methods to work with an <see cref="HttpRequestData"/> instance.</summary>
public static class HttpRequestDataExtensions
{
    public static async Task<string?> ReadAsStringAsync(this HttpRequestData request, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is null)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1024, leaveOpen: true);
        return await reader.ReadToEndAsync().ConfigureAwait(false);
    }

    public static HttpResponseData CreateResponse(this HttpRequestData request, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse();
        response.StatusCode = statusCode;
        return response;
    }
}
