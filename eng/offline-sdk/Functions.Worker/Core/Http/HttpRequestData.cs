// Compile-only stand-in for Microsoft.Azure.Functions.Worker 2.51.0 via its Microsoft.Azure.Functions.Worker.Core dependency (HttpRequestData). Nothing runs on it.
using System.Collections.Specialized;
using System.Security.Claims;
using System.Web;

namespace Microsoft.Azure.Functions.Worker.Http;

/// <summary>A representation of the HTTP request sent by the host.</summary>
public abstract class HttpRequestData
{
    private NameValueCollection? _query;

    public HttpRequestData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    public abstract Stream Body { get; }

    public abstract HttpHeadersCollection Headers { get; }

    public abstract IReadOnlyCollection<IHttpCookie> Cookies { get; }

    public abstract Uri Url { get; }

    public abstract IEnumerable<ClaimsIdentity> Identities { get; }

    public abstract string Method { get; }

    public FunctionContext FunctionContext { get; }

    public virtual NameValueCollection Query => _query ??= HttpUtility.ParseQueryString(Url.Query);

    public abstract HttpResponseData CreateResponse();
}
