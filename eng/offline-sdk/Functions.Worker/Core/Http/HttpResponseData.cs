// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (HttpResponseData). Nothing runs on it.
using System.Net;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>A representation of the outgoing HTTP response.</summary>
public abstract class HttpResponseData
{
    public HttpResponseData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    public abstract HttpStatusCode StatusCode { get; set; }

    public abstract HttpHeadersCollection Headers { get; set; }

    public abstract Stream Body { get; set; }

    public abstract HttpCookies Cookies { get; }

    public FunctionContext FunctionContext { get; }

    public static HttpResponseData CreateResponse(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse();
    }
}
