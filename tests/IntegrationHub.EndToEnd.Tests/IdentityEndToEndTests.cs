using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>The identity graph through <c>hub serve</c>: deliveries from two connections that only together say they
/// are one person end in one profile, and the id one of them had before the merge still answers.</summary>
[Collection(HubCollection.Name)]
public sealed class IdentityEndToEndTests(HubFixture hub)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deliveries_ShopCustomerAndCrmContactSharingAPhone_OneProfileAndTheOldIdStillResolves()
    {
        // Arrange: a shop customer with a phone; a CRM contact with another email, which later gains the same phone.
        var (run, customerId) = (Guid.NewGuid().ToString("N")[..10], RandomNumberGenerator.GetInt32(1, int.MaxValue));
        var (crmEmail, shopEmail, phone) = ($"ada.{run}@example.com", $"ada.{run}@shop.example", "+14155550187");
        var shopId = await ShopCustomerAsync(customerId, shopEmail, phone);
        await PostContactAsync($"crm-{run}", crmEmail, "", T0.AddHours(1));
        using var crm = await WaitForProfileAsync(crmEmail, p => true);
        var crmId = crm.RootElement.GetProperty("id").GetString()!;
        Assert.NotEqual(shopId, crmId);

        // Act
        await PostContactAsync($"crm-{run}", crmEmail, "(415) 555-0187", T0.AddHours(2));

        // Assert: the shop customer is the earliest evidence, so its id survives and the CRM's old id answers with it.
        using var merged = await WaitForProfileAsync(crmEmail, p => p.RootElement.GetProperty("id").GetString() == shopId);
        using var byOldId = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{crmId}"));
        Assert.Equal(shopId, byOldId.RootElement.GetProperty("id").GetString());
        var fields = byOldId.RootElement.GetProperty("fields");
        Assert.Equal("Ada", fields.GetProperty("firstName").GetProperty("value").GetString());
        Assert.Equal("Lovelace", fields.GetProperty("lastName").GetProperty("value").GetString());
        Assert.Equal(
            [$"e2e:crm-{run}", $"shop:{customerId}"],
            byOldId.RootElement.GetProperty("externalIds").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));

        using var identity = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{crmId}/identity"));
        Assert.Equal(shopId, identity.RootElement.GetProperty("id").GetString());
        Assert.Equal(3, identity.RootElement.GetProperty("events").GetArrayLength());
        Assert.Contains(
            identity.RootElement.GetProperty("links").EnumerateArray(),
            l => l.GetProperty("identifier").GetProperty("value").GetString() == phone);

        using var timeline = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{crmId}/timeline"));
        Assert.Equal(3, timeline.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unlink_ThePhoneThatMergedThem_SplitsTheProfileBack()
    {
        // Arrange: as above, a shop customer and a CRM contact merged by a phone.
        var run = Guid.NewGuid().ToString("N")[..10];
        var (crmEmail, shopEmail, phone) = ($"grace.{run}@example.com", $"grace.{run}@shop.example", "+14155550188");
        var shopId = await ShopCustomerAsync(RandomNumberGenerator.GetInt32(1, int.MaxValue), shopEmail, phone);
        await PostContactAsync($"crm-{run}", crmEmail, phone, T0.AddHours(1));
        using var merged = await WaitForProfileAsync(crmEmail, p => p.RootElement.GetProperty("id").GetString() == shopId);
        using var identity = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{shopId}/identity"));
        var evidence = identity.RootElement.GetProperty("links").EnumerateArray()
            .Select(l => (Identifier: l.GetProperty("identifier").GetProperty("value").GetString(), Event: l.GetProperty("event")))
            .Single(l => l.Identifier == phone && l.Event.GetProperty("connection").GetString() == HubFixture.Connection).Event;

        // Act
        using var response = await hub.Client.PostAsJsonAsync($"api/profiles/{shopId}/unlink", new
        {
            connection = evidence.GetProperty("connection").GetString(),
            eventId = evidence.GetProperty("eventId").GetString(),
            identifier = new { kind = "phone", value = "(415) 555-0188" },
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var changes = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(changes.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "Split");
        using var crm = await WaitForProfileAsync(crmEmail, p => true);
        Assert.NotEqual(shopId, crm.RootElement.GetProperty("id").GetString());
        using var shopAfter = await WaitForProfileAsync(shopEmail, p => true);
        Assert.Equal(shopId, shopAfter.RootElement.GetProperty("id").GetString());
        Assert.False(shopAfter.RootElement.GetProperty("fields").TryGetProperty("firstName", out _));
    }

    [Fact]
    public async Task Relink_AfterUnlink_MergesThemBackAndASecondRelinkIs404()
    {
        // Arrange: a shop customer and a CRM contact merged by a phone of this run's own, then unlinked.
        var run = Guid.NewGuid().ToString("N")[..10];
        var phone = $"+1415{RandomNumberGenerator.GetInt32(2_000_000, 10_000_000)}";
        var (crmEmail, shopEmail) = ($"joan.{run}@example.com", $"joan.{run}@shop.example");
        var shopId = await ShopCustomerAsync(RandomNumberGenerator.GetInt32(1, int.MaxValue), shopEmail, phone);
        await PostContactAsync($"crm-{run}", crmEmail, phone, T0.AddHours(1));
        using var merged = await WaitForProfileAsync(crmEmail, p => p.RootElement.GetProperty("id").GetString() == shopId);
        using var identity = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{shopId}/identity"));
        var evidence = identity.RootElement.GetProperty("links").EnumerateArray()
            .Single(l => l.GetProperty("identifier").GetProperty("value").GetString() == phone
                && l.GetProperty("event").GetProperty("connection").GetString() == HubFixture.Connection)
            .GetProperty("event");
        var body = new
        {
            connection = evidence.GetProperty("connection").GetString(),
            eventId = evidence.GetProperty("eventId").GetString(),
            identifier = new { kind = "phone", value = phone },
        };
        using (var unlinked = await hub.Client.PostAsJsonAsync($"api/profiles/{shopId}/unlink", body))
        {
            Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        }
        using var split = await WaitForProfileAsync(crmEmail, p => p.RootElement.GetProperty("id").GetString() != shopId);
        var crmId = split.RootElement.GetProperty("id").GetString()!;

        // Act: the event now belongs to the CRM's profile, so that is where it is relinked.
        using var response = await hub.Client.PostAsJsonAsync($"api/profiles/{crmId}/relink", body);
        using var again = await hub.Client.PostAsJsonAsync($"api/profiles/{shopId}/relink", body);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var changes = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(changes.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("kind").GetString() == "Merged");
        Assert.Equal([crmId], changes.RootElement.GetProperty("retired").EnumerateArray().Select(r => r.GetString()));
        using var back = await WaitForProfileAsync(crmEmail, p => p.RootElement.GetProperty("id").GetString() == shopId);
        Assert.Equal("Ada", back.RootElement.GetProperty("fields").GetProperty("firstName").GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unshared_IdentifierNotMarkedShared_404Problem()
    {
        var email = $"nobody.{Guid.NewGuid():N}@example.com";

        using var response = await hub.Client.PostAsJsonAsync("api/identifiers/unshared", new { kind = "email", value = email });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unlink_EventTheProfileDoesNotHold_404Problem()
    {
        using var response = await hub.Client.PostAsJsonAsync("api/profiles/p_00000000000000000000000000000000/unlink", new
        {
            connection = "e2e",
            eventId = "msg_nothing",
            identifier = new { kind = "email", value = "nobody@example.com" },
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MarkShared_IdentifierThatIsNotOne_400Problem()
    {
        using var response = await hub.Client.PostAsJsonAsync("api/identifiers/shared", new { kind = "email", value = "not an email" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task PostContactAsync(string recordId, string email, string phone, DateTimeOffset at)
    {
        var body = StandardWebhooksSender.ContactEvent("contact.updated", at, recordId, email, "Ada", "", phone);
        using var response = await hub.Sender.PostAsync(HubFixture.Connection, $"msg_{Guid.NewGuid():N}", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>A shop customer (the earliest evidence, at <see cref="T0"/>), once processed: returns its profile id.</summary>
    private async Task<string> ShopCustomerAsync(int customerId, string email, string phone)
    {
        await PostShopifyCustomerAsync(customerId, email, phone, T0);
        using var shop = await WaitForProfileAsync(email, p => true);
        return shop.RootElement.GetProperty("id").GetString()!;
    }

    private async Task PostShopifyCustomerAsync(int customerId, string email, string phone, DateTimeOffset at)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            id = customerId,
            email,
            phone,
            last_name = "Lovelace",
            updated_at = at.ToString("O", CultureInfo.InvariantCulture),
        }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shop") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HubFixture.ShopifySecret), body)));
        request.Headers.Add("X-Shopify-Topic", "customers/create");
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        using var response = await hub.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<JsonDocument> WaitForProfileAsync(string email, Func<JsonDocument, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await hub.Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                if (done(profile))
                {
                    return profile;
                }
                profile.Dispose();
            }
            if (clock.Elapsed > ProcessingTimeout)
            {
                Assert.Fail($"The profile did not reach the expected state within {ProcessingTimeout}. hub serve said:\n{hub.Hub.Output}");
            }
            await Task.Delay(100);
        }
    }
}
