using System.Text;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>Deliveries as a vendor posts them to <c>/api/webhooks/{connection}</c>, for verifier tests.</summary>
public static class WebhookRequests
{
    /// <summary>A POST of <paramref name="body"/> with the headers whose value is not null (names ignore case).</summary>
    public static WebhookRequest Post(string connection, string body, params (string Name, string? Value)[] headers) =>
        new(connection, "POST", Url(connection), Headers(headers), Encoding.UTF8.GetBytes(body));

    /// <summary>A vendor's test vector, posted as it was signed.</summary>
    public static WebhookRequest FromVector(string connection, SignatureVector vector) =>
        new(connection, "POST", Url(connection), vector.Headers, Encoding.UTF8.GetBytes(vector.Body));

    /// <summary><paramref name="request"/> without the header called <paramref name="header"/>.</summary>
    public static WebhookRequest Without(WebhookRequest request, string header) =>
        request with
        {
            Headers = request.Headers.Where(h => !string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).ToDictionary(StringComparer.OrdinalIgnoreCase),
        };

    /// <summary><paramref name="request"/> with another body, as if it were changed after signing.</summary>
    public static WebhookRequest WithBody(WebhookRequest request, string body) => request with { Body = Encoding.UTF8.GetBytes(body) };

    private static Uri Url(string connection) => new($"https://hub.example.test/api/webhooks/{connection}");

    private static Dictionary<string, string> Headers((string Name, string? Value)[] headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                result[name] = value;
            }
        }
        return result;
    }
}
