using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Connectors;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>Vendor connectors through <c>hub serve</c>: a Shopify delivery signed as Shopify signs becomes a profile
/// with its consent, and the URL checks of Meta and Mailchimp (GET) and Slack (a signed POST) are answered as those
/// vendors expect.</summary>
[Collection(HubCollection.Name)]
public sealed class ConnectorEndToEndTests(HubFixture hub)
{
    [Fact]
    public async Task PostWebhook_ShopifyCustomerCreated_ProfileWithConsentAndTimeline()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "payloads", "shopify", "customers_create.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shop") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HubFixture.ShopifySecret), body)));
        request.Headers.Add("X-Shopify-Topic", "customers/create");
        request.Headers.Add("X-Shopify-Webhook-Id", $"b54557e4-{Guid.NewGuid():N}");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var profile = await WaitForProfileAsync("bob@biller.com");
        var fields = profile.RootElement.GetProperty("fields");
        Assert.Equal("shop", fields.GetProperty("email").GetProperty("source").GetString());
        Assert.Equal("706405506930370084", fields.GetProperty("email").GetProperty("sourceRecordId").GetString());
        Assert.Equal("Biller", fields.GetProperty("lastName").GetProperty("value").GetString());
        Assert.Equal("subscribed", fields.GetProperty("consent.email").GetProperty("value").GetString());
    }

    [Fact]
    public async Task PostWebhook_ShopifyWrongSignature_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shop") { Content = new StringContent("{}") };
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(new byte[32]));
        request.Headers.Add("X-Shopify-Topic", "customers/create");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetWebhook_MetaSubscriptionCheck_EchoesTheChallenge()
    {
        using var response = await hub.Client.GetAsync(
            $"api/webhooks/leads?hub.mode=subscribe&hub.verify_token={HubFixture.MetaVerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetWebhook_MetaWrongVerifyToken_403Problem()
    {
        using var response = await hub.Client.GetAsync("api/webhooks/leads?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(HubFixture.MetaVerifyToken, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HubFixture.MailchimpToken, HttpStatusCode.OK)]
    [InlineData("wrong", HttpStatusCode.Forbidden)]
    public async Task GetWebhook_MailchimpUrlValidation_AnswersOnlyWithTheToken(string token, HttpStatusCode expected)
    {
        using var response = await hub.Client.GetAsync($"api/webhooks/list?token={token}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task PostWebhook_SlackSignedUrlVerification_200WithTheChallengeAndNothingArchived()
    {
        const string challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
        var body = $$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"{{challenge}}","type":"url_verification","sent":"{{Guid.NewGuid():N}}"}""";
        using var request = SlackRequest(body);

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(challenge, await response.Content.ReadAsStringAsync());
        Assert.Null(await hub.Archive.GetAsync("workspace", ContentDeliveryId.For(Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public async Task PostWebhook_SlackUrlVerificationWrongSignature_401AndNoChallenge()
    {
        using var request = SlackRequest("""{"challenge":"guess","type":"url_verification"}""", secret: "not-the-signing-secret");

        using var response = await hub.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("guess", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage SlackRequest(string body, string secret = HubFixture.SlackSigningSecret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/workspace") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + signature);
        return request;
    }

    private async Task<JsonDocument> WaitForProfileAsync(string email)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await hub.Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"No profile within 30 s. hub serve said:\n{hub.Hub.Output}");
            }
            await Task.Delay(100);
        }
    }
}
