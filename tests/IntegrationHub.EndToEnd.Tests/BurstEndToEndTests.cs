using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>The standalone transport under a burst: every delivery of a sudden flood is accepted and processed, and a
/// queue message naming several deliveries settles each one by itself.</summary>
[Collection(HubCollection.Name)]
public sealed class BurstEndToEndTests(HubFixture hub)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task PostWebhook_500AtOnce_EveryOneAcceptedAndEveryProfileWritten()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var emails = Enumerable.Range(0, 500).Select(i => $"burst.{run}.{i}@example.com").ToList();

        var responses = await Task.WhenAll(emails.Select(async (email, i) =>
        {
            var body = StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, $"burst-{run}-{i}", email, "Ada", "Burst", "");
            using var response = await hub.Sender.PostAsync(HubFixture.Connection, $"msg_{run}_{i}", body);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Accepted, status));
        var missing = emails.ToHashSet(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        while (missing.Count > 0 && clock.Elapsed < ProcessingTimeout)
        {
            foreach (var email in missing.Take(50).ToList())
            {
                using var profile = await hub.Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
                if (profile.StatusCode == HttpStatusCode.OK)
                {
                    missing.Remove(email);
                }
            }
        }
        Assert.True(missing.Count == 0, $"{missing.Count} of 500 profiles not written within {ProcessingTimeout}.");
    }

    [Fact]
    public async Task SharedMessage_TwoUnprocessableAmongOneGood_EachUnprocessableDeadLetteredAlone()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var email = $"shared.{run}@example.com";
        var good = $"msg_shared_{run}";
        using (var posted = await hub.Sender.PostAsync(HubFixture.Connection, good,
            StandardWebhooksSender.ContactEvent("contact.created", DateTimeOffset.UtcNow, $"shared-{run}", email, "Ada", "Shared", "")))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }
        string[] missing = [$"missing-a-{run}", $"missing-b-{run}"];
        var queue = await hub.Resources.QueueAsync(StorageNames.DeliveryQueue);

        await queue.SendMessageAsync(JsonSerializer.Serialize(
            new[] { good, missing[0], missing[1] }.Select(id => new { connection = HubFixture.Connection, deliveryId = id })));

        var reasons = await WaitForDeadLettersAsync(missing);
        Assert.All(missing, id => Assert.Equal("DeliveryNotFoundException", reasons[id]));
        Assert.DoesNotContain(good, reasons.Keys);
        using var profile = await hub.Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
    }

    /// <summary>Every dead letter's reason by delivery id, once all of <paramref name="deliveryIds"/> are among them.</summary>
    private async Task<Dictionary<string, string>> WaitForDeadLettersAsync(IReadOnlyCollection<string> deliveryIds)
    {
        var clock = Stopwatch.StartNew();
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        while (clock.Elapsed < ProcessingTimeout)
        {
            using var page = JsonDocument.Parse(await hub.Client.GetStringAsync("api/deadletters?pageSize=200"));
            reasons = page.RootElement.GetProperty("items").EnumerateArray()
                .ToDictionary(item => item.GetProperty("deliveryId").GetString()!, item => item.GetProperty("reason").GetString()!, StringComparer.Ordinal);
            if (deliveryIds.All(reasons.ContainsKey))
            {
                return reasons;
            }
            await Task.Delay(250);
        }
        Assert.Fail($"Not all of {string.Join(", ", deliveryIds)} were dead-lettered. hub serve said:\n{hub.Hub.Output}");
        return reasons;
    }
}
