using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Connectors.Stripe;

namespace IntegrationHub.Cli.Bench;

/// <summary>Builds a signed delivery about one person the way each supported vendor sends it: the vendor's envelope for a
/// customer update, its headers and its signature scheme.</summary>
internal static class BenchDeliveries
{
    public static IReadOnlyList<string> Providers { get; } = [StandardWebhooksProvider.Id, ShopifyProvider.Id, StripeProvider.Id];

    public static HttpRequestMessage Create(BenchConnection connection, string deliveryId, BenchPerson person, DateTimeOffset at) =>
        connection.Provider switch
        {
            StandardWebhooksProvider.Id => StandardWebhooks(connection, deliveryId, person, at),
            ShopifyProvider.Id => Shopify(connection, deliveryId, person, at),
            StripeProvider.Id => Stripe(connection, deliveryId, person, at),
            _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Provider, "Not a provider the load generator signs for."),
        };

    private static HttpRequestMessage StandardWebhooks(BenchConnection connection, string deliveryId, BenchPerson person, DateTimeOffset at)
    {
        var body = Json(new
        {
            type = "contact.updated",
            timestamp = at.ToString("O", CultureInfo.InvariantCulture),
            data = new { id = person.Id, email = person.Email, first_name = person.FirstName, last_name = person.LastName, phone = person.Phone },
        });
        var timestamp = Seconds(at);
        var key = StandardWebhooksVerifier.SecretKey(connection.Secret)
            ?? throw new InvalidOperationException($"Connection '{connection.Name}' has no usable whsec_ secret.");
        var signature = Convert.ToBase64String(StandardWebhooksVerifier.Sign(key, deliveryId, timestamp, body));
        return Post(connection, body,
            (StandardWebhooksVerifier.IdHeader, deliveryId),
            (StandardWebhooksVerifier.TimestampHeader, timestamp),
            (StandardWebhooksVerifier.SignatureHeader, $"v1,{signature}"));
    }

    private static HttpRequestMessage Shopify(BenchConnection connection, string deliveryId, BenchPerson person, DateTimeOffset at)
    {
        var body = Json(new
        {
            id = NumericId(person.Id),
            email = person.Email,
            accepts_marketing = true,
            created_at = at.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            updated_at = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            first_name = person.FirstName,
            last_name = person.LastName,
            orders_count = 3,
            state = "enabled",
            total_spent = "129.90",
            note = "Prefers email",
            verified_email = true,
            tax_exempt = false,
            phone = person.Phone,
            tags = "newsletter, vip",
            currency = "USD",
            addresses = Array.Empty<object>(),
            admin_graphql_api_id = $"gid://shopify/Customer/{person.Id}",
        });
        var mac = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(connection.Secret), body));
        return Post(connection, body,
            (ShopifyProvider.SignatureHeader, mac),
            (ShopifyProvider.TopicHeader, "customers/update"),
            (ShopifyProvider.WebhookIdHeader, deliveryId),
            (ShopifyProvider.EventIdHeader, deliveryId),
            (ShopifyNormaliser.TriggeredAtHeader, at.ToString("O", CultureInfo.InvariantCulture)));
    }

    private static HttpRequestMessage Stripe(BenchConnection connection, string deliveryId, BenchPerson person, DateTimeOffset at)
    {
        var body = Json(new
        {
            id = deliveryId,
            @object = "event",
            api_version = "2024-06-20",
            created = at.ToUnixTimeSeconds(),
            type = "customer.updated",
            livemode = false,
            data = new
            {
                @object = new
                {
                    id = person.Id,
                    @object = "customer",
                    email = person.Email,
                    name = $"{person.FirstName} {person.LastName}",
                    phone = person.Phone,
                    currency = "usd",
                    delinquent = false,
                    description = "Benchmark customer",
                    metadata = new { tier = "gold" },
                },
            },
        });
        var timestamp = Seconds(at);
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(body).ToArray();
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(connection.Secret), signed));
        return Post(connection, body, (StripeProvider.SignatureHeader, $"t={timestamp},v1={mac}"));
    }

    private static HttpRequestMessage Post(BenchConnection connection, byte[] body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/webhooks/{Uri.EscapeDataString(connection.Name)}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    /// <summary>Shopify's ids are numbers: one derived from the person's id, below 2^53 so JavaScript readers keep it exact.</summary>
    private static long NumericId(string id) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id))) & ((1L << 53) - 1);

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static string Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
