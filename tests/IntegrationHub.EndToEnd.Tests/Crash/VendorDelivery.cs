using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Model;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>One delivery as its vendor sends it, signed afresh on every attempt the way the vendor would.</summary>
/// <param name="Connection">The hub connection it is posted to.</param>
/// <param name="DeliveryId">The vendor's delivery id (the same on a redelivery).</param>
/// <param name="EventId">The vendor's event id (Shopify may send one event in two deliveries).</param>
/// <param name="Email">The person it is about.</param>
/// <param name="OccurredAt">When the vendor says the event happened.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Headers">The vendor's own headers, signatures aside.</param>
internal sealed record VendorDelivery(
    string Connection,
    string DeliveryId,
    string EventId,
    string Email,
    DateTimeOffset OccurredAt,
    string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    public const string StandardConnection = "crm";
    public const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string ShopifyConnection = "shop";
    public const string ShopifySecret = "shpss_crash_secret";

    /// <summary>The hub's configuration for the two connections these deliveries use.</summary>
    public static IReadOnlyDictionary<string, string> HubConnections { get; } = new Dictionary<string, string>
    {
        [$"Hub__Connections__{StandardConnection}__Provider"] = StandardWebhooksProvider.Id,
        [$"Hub__Connections__{StandardConnection}__Secrets__0"] = StandardSecret,
        [$"Hub__Connections__{ShopifyConnection}__Provider"] = ShopifyProvider.Id,
        [$"Hub__Connections__{ShopifyConnection}__Secrets__0"] = ShopifySecret,
    };

    public bool IsShopify => Connection == ShopifyConnection;

    public async Task<HttpResponseMessage> SendAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        using var request = ToRequest();
        return await client.SendAsync(request, cancellationToken);
    }

    private HttpRequestMessage ToRequest()
    {
        var bytes = Encoding.UTF8.GetBytes(Body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/webhooks/{Connection}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in Headers)
        {
            request.Headers.Add(name, value);
        }
        if (IsShopify)
        {
            request.Headers.Add(ShopifyProvider.SignatureHeader, Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), bytes)));
        }
        else
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var signature = StandardWebhooksVerifier.Sign(StandardWebhooksVerifier.SecretKey(StandardSecret)!, DeliveryId, timestamp, bytes);
            request.Headers.Add("webhook-timestamp", timestamp);
            request.Headers.Add("webhook-signature", $"v1,{Convert.ToBase64String(signature)}");
        }
        return request;
    }

    /// <summary>The delivery as the hub archives it, for running Core's normalisers over it directly.</summary>
    public ArchivedDelivery ToArchived() => new(
        Connection,
        IsShopify ? ShopifyProvider.Id : StandardWebhooksProvider.Id,
        DeliveryId,
        OccurredAt,
        new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase),
        Encoding.UTF8.GetBytes(Body));
}
