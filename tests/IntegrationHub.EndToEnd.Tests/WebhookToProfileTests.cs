using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>A signed delivery travels the whole way in <c>hub serve</c>: HTTP, verification, archive, Storage Queue,
/// the process-event workflow, Table Storage, and back out through the portal API.</summary>
[Collection(HubCollection.Name)]
public sealed class WebhookToProfileTests(HubFixture hub)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostWebhook_SignedDelivery_ProfileReadBackWithProvenanceAndTimeline()
    {
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        var at = DateTimeOffset.Parse("2026-11-20T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var body = StandardWebhooksSender.ContactEvent("contact.created", at, "crm-42", $"  {email.ToUpperInvariant()} ", "Ada", "Lovelace", "(415) 555-2671");
        var webhookId = $"msg_{Guid.NewGuid():N}";

        using var response = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(webhookId, accepted.RootElement.GetProperty("deliveryId").GetString());
        Assert.False(accepted.RootElement.GetProperty("duplicate").GetBoolean());

        using var profile = await WaitForProfileAsync(email);
        var fields = profile.RootElement.GetProperty("fields");
        var emailField = fields.GetProperty("email");
        Assert.Equal(email, emailField.GetProperty("value").GetString());
        Assert.Equal(HubFixture.Connection, emailField.GetProperty("source").GetString());
        Assert.Equal("crm-42", emailField.GetProperty("sourceRecordId").GetString());
        Assert.Equal(at, emailField.GetProperty("sourceEventTime").GetDateTimeOffset());
        Assert.Equal("Ada", fields.GetProperty("firstName").GetProperty("value").GetString());
        Assert.Equal("Lovelace", fields.GetProperty("lastName").GetProperty("value").GetString());
        Assert.Equal("+14155552671", fields.GetProperty("phone").GetProperty("value").GetString());
        Assert.Contains($"{HubFixture.Connection}:crm-42", profile.RootElement.GetProperty("externalIds").EnumerateArray().Select(e => e.GetString()));

        var id = profile.RootElement.GetProperty("id").GetString();
        using var byId = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{id}"));
        Assert.Equal(email, byId.RootElement.GetProperty("fields").GetProperty("email").GetProperty("value").GetString());

        var items = await WaitForTimelineAsync(id!);
        var entry = Assert.Single(items);
        Assert.Equal("contact.created", entry.GetProperty("type").GetString());
        Assert.Equal(webhookId, entry.GetProperty("deliveryId").GetString());
        Assert.Equal(at, entry.GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task PostWebhook_SameDeliveryTwice_OneInteraction()
    {
        var email = $"grace.{Guid.NewGuid():N}@example.com";
        var body = StandardWebhooksSender.ContactEvent("contact.updated", DateTimeOffset.UtcNow, "crm-7", email, "Grace", "Hopper", "");
        var webhookId = $"msg_{Guid.NewGuid():N}";

        using var first = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);
        using var second = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        using var secondBody = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.True(secondBody.RootElement.GetProperty("duplicate").GetBoolean());
        using var profile = await WaitForProfileAsync(email);
        var id = profile.RootElement.GetProperty("id").GetString()!;
        await WaitForTimelineAsync(id);
        // Give a second (wrongly queued) copy time to be processed before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await TimelineAsync(id));
    }

    [Fact]
    public async Task PostWebhook_WrongSignature_401ProblemAndNothingArchived()
    {
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var body = StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, "x-1", "mallory@example.com", "M", "X", "");

        using var response = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body, secretOverride: "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-signature");
        Assert.Null(await hub.Archive.GetAsync(HubFixture.Connection, webhookId));
    }

    [Fact]
    public async Task PostWebhook_StaleTimestamp_401ProblemAndNothingArchived()
    {
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var body = StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, "x-2", "late@example.com", "L", "T", "");

        using var response = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body, DateTimeOffset.UtcNow.AddMinutes(-6));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "stale-timestamp");
        Assert.Null(await hub.Archive.GetAsync(HubFixture.Connection, webhookId));
    }

    [Fact]
    public async Task PostWebhook_UnknownConnection_404Problem()
    {
        using var response = await hub.Sender.PostAsync("nobody", $"msg_{Guid.NewGuid():N}", "{}");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown-connection");
    }

    [Fact]
    public async Task PostWebhook_BodyOverLimit_413ProblemAndNothingArchived()
    {
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var body = StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, new string('x', 70_000), "big@example.com", "B", "G", "");

        using var response = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Null(await hub.Archive.GetAsync(HubFixture.Connection, webhookId));
    }

    [Fact]
    public async Task PostWebhook_MalformedPayload_400ProblemAndNothingArchived()
    {
        var webhookId = $"msg_{Guid.NewGuid():N}";

        using var response = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, """{"type":"contact.created","data":"not an object"}""");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-payload");
        Assert.Null(await hub.Archive.GetAsync(HubFixture.Connection, webhookId));
    }

    [Fact]
    public async Task GetWebhook_ProviderWithoutHandshake_405Problem()
    {
        using var response = await hub.Client.GetAsync($"api/webhooks/{HubFixture.Connection}");

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "handshake-not-supported");
    }

    [Fact]
    public async Task GetWebhook_UnknownConnection_404Problem()
    {
        using var response = await hub.Client.GetAsync("api/webhooks/nobody");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "unknown-connection");
    }

    [Fact]
    public async Task GetProfile_UnknownId_404Problem()
    {
        using var response = await hub.Client.GetAsync("api/profiles/p_00000000000000000000000000000000");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("continuation=not-a-token", "continuation")]
    public async Task GetTimeline_BadPaging_400Problem(string query, string named)
    {
        var email = $"page.{Guid.NewGuid():N}@example.com";
        using var posted = await hub.Sender.PostAsync(HubFixture.Connection, $"msg_{Guid.NewGuid():N}",
            StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, "p-1", email, "P", "G", ""));
        using var profile = await WaitForProfileAsync(email);

        using var response = await hub.Client.GetAsync($"api/profiles/{profile.RootElement.GetProperty("id").GetString()}/timeline?{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTimeline_PageSizeOne_PagesNewestFirstWithContinuation()
    {
        var email = $"pages.{Guid.NewGuid():N}@example.com";
        var older = DateTimeOffset.Parse("2026-11-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (type, at) in new[] { ("contact.created", older), ("contact.updated", older.AddDays(1)) })
        {
            using var posted = await hub.Sender.PostAsync(HubFixture.Connection, $"msg_{Guid.NewGuid():N}",
                StandardWebhooksSender.ContactEvent(type, at, "pg-1", email, "P", "G", ""));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        using var profile = await WaitForProfileAsync(email);
        var id = profile.RootElement.GetProperty("id").GetString()!;
        await WaitForTimelineCountAsync(id, 2);

        using var first = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{id}/timeline?pageSize=1"));
        var continuation = first.RootElement.GetProperty("continuation").GetString();
        using var second = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{id}/timeline?pageSize=1&continuation={Uri.EscapeDataString(continuation!)}"));

        Assert.Equal("contact.updated", first.RootElement.GetProperty("items")[0].GetProperty("type").GetString());
        Assert.Equal("contact.created", second.RootElement.GetProperty("items")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetHealth_Running_Healthy()
    {
        using var health = JsonDocument.Parse(await hub.Client.GetStringAsync("api/health"));

        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.InRange(health.RootElement.GetProperty("sharedIdentifiers").GetInt64(), 0, long.MaxValue);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string problem)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal($"urn:integrationhub:problem:{problem}", body.RootElement.GetProperty("type").GetString());
        Assert.DoesNotContain("whsec_", body.RootElement.GetRawText(), StringComparison.Ordinal);
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
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            if (clock.Elapsed > ProcessingTimeout)
            {
                Assert.Fail($"No profile for the delivery within {ProcessingTimeout}. hub serve said:\n{hub.Hub.Output}");
            }
            await Task.Delay(100);
        }
    }

    private Task<List<JsonElement>> WaitForTimelineAsync(string profileId) => WaitForTimelineCountAsync(profileId, 1);

    private async Task<List<JsonElement>> WaitForTimelineCountAsync(string profileId, int count)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var items = await TimelineAsync(profileId);
            if (items.Count >= count)
            {
                return items;
            }
            if (clock.Elapsed > ProcessingTimeout)
            {
                Assert.Fail($"No timeline entry within {ProcessingTimeout}. hub serve said:\n{hub.Hub.Output}");
            }
            await Task.Delay(100);
        }
    }

    private async Task<List<JsonElement>> TimelineAsync(string profileId)
    {
        using var timeline = JsonDocument.Parse(await hub.Client.GetStringAsync($"api/profiles/{profileId}/timeline"));
        return [.. timeline.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone())];
    }
}
