// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (HttpHeadersCollection). A plain data carrier over System.Net.Http.Headers.HttpHeaders.
using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>A collection of HTTP headers.</summary>
public sealed class HttpHeadersCollection : HttpHeaders
{
    public HttpHeadersCollection()
    {
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        foreach (var header in headers)
        {
            TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var header in headers)
        {
            TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
