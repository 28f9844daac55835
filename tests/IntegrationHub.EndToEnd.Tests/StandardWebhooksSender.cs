using System.Net.Http.Headers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Connectors.StandardWebhooks;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>Signs and posts deliveries the way a Standard Webhooks sender does.</summary>
public sealed class StandardWebhooksSender(HttpClient client, string secret)
{
    public Task<HttpResponseMessage> PostAsync(string connection, string webhookId, string body, DateTimeOffset? signedAt = null, string? secretOverride = null)
    {
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = StandardWebhooksVerifier.SecretKey(secretOverride ?? secret)!;
        var signature = Convert.ToBase64String(StandardWebhooksVerifier.Sign(key, webhookId, timestamp, Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/webhooks/{connection}")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", $"v1,{signature}");
        return client.SendAsync(request);
    }

    public static string ContactEvent(string type, DateTimeOffset at, string id, string email, string firstName, string lastName, string phone) =>
        JsonSerializer.Serialize(new
        {
            type,
            timestamp = at.ToString("O", CultureInfo.InvariantCulture),
            data = new { id, email, first_name = firstName, last_name = lastName, phone },
        });
}
