using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>A webhook that changes a profile leaves one message on the <c>profile-changed</c> queue for downstream
/// consumers; the same delivery again — from the vendor or from the delivery queue — leaves none.</summary>
[Collection(HubCollection.Name)]
public sealed class ProfileChangedEndToEndTests(HubFixture hub)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PostWebhook_NewPerson_OneChangeMessageWithTheChangedFieldsAndRedeliveriesAddNone()
    {
        // Arrange
        var email = $"ada.{Guid.NewGuid():N}@example.com";
        var recordId = $"crm-pc-{Guid.NewGuid():N}";
        var at = DateTimeOffset.Parse("2026-11-20T10:15:00Z", CultureInfo.InvariantCulture);
        var body = StandardWebhooksSender.ContactEvent("contact.created", at, recordId, email, "Ada", "Lovelace", "");
        var webhookId = $"msg_{Guid.NewGuid():N}";

        // Act
        using var posted = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);
        var profileId = await WaitForProfileIdAsync(email);
        var changes = await TakeChangesAsync(profileId, atLeast: 1);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var change = Assert.Single(changes);
        Assert.StartsWith($"{profileId}:{HubFixture.Connection}:{webhookId}:", change.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal(HubFixture.Connection, change.GetProperty("connection").GetString());
        Assert.Equal(webhookId, change.GetProperty("eventId").GetString());
        Assert.Equal(webhookId, change.GetProperty("deliveryId").GetString());
        Assert.Equal(at, change.GetProperty("occurredAt").GetDateTimeOffset());
        var fields = change.GetProperty("fields");
        Assert.Equal(["email", "firstName", "lastName"], fields.EnumerateObject().Select(f => f.Name));
        Assert.Equal(email, fields.GetProperty("email").GetProperty("value").GetString());
        Assert.Equal("Ada", fields.GetProperty("firstName").GetProperty("value").GetString());
        var lastName = fields.GetProperty("lastName");
        Assert.Equal("Lovelace", lastName.GetProperty("value").GetString());
        Assert.Equal(HubFixture.Connection, lastName.GetProperty("source").GetString());
        Assert.Equal(recordId, lastName.GetProperty("sourceRecordId").GetString());
        Assert.Equal(at, lastName.GetProperty("sourceEventTime").GetDateTimeOffset());

        // Act again: the vendor retries the delivery, the delivery queue hands the message out a second time, and the
        // vendor sends the same event under a new delivery id.
        using var retried = await hub.Sender.PostAsync(HubFixture.Connection, webhookId, body);
        await hub.Queue.EnqueueAsync(new DeliveryMessage(HubFixture.Connection, webhookId));
        using var resent = await hub.Sender.PostAsync(HubFixture.Connection, $"msg_{Guid.NewGuid():N}", body);
        await WaitForDeliveryQueueDrainedAsync();

        // Assert: nothing changed, so nothing more was published.
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Empty(await TakeChangesAsync(profileId, atLeast: 0));
    }

    /// <summary>Reads the whole queue as a consumer would: takes (deletes) the messages holding this profile's changes
    /// (a message holds one change, or an array of changes published together) and puts every other message back at
    /// once, so other readers still see them. Waits until at least <paramref name="atLeast"/> arrived.</summary>
    private async Task<List<JsonElement>> TakeChangesAsync(string profileId, int atLeast)
    {
        var queue = await hub.Storage.QueueAsync(StorageNames.ProfileChangedQueue);
        var mine = new List<JsonElement>();
        var clock = Stopwatch.StartNew();
        do
        {
            var others = new List<(string MessageId, string PopReceipt)>();
            while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value is { Length: > 0 } batch)
            {
                foreach (var message in batch)
                {
                    using var json = JsonDocument.Parse(message.Body.ToString());
                    List<JsonElement> changes = json.RootElement.ValueKind == JsonValueKind.Array
                        ? [.. json.RootElement.EnumerateArray()]
                        : [json.RootElement];
                    var ours = changes.Where(c => c.GetProperty("profileId").GetString() == profileId).Select(c => c.Clone()).ToList();
                    if (ours.Count > 0)
                    {
                        mine.AddRange(ours);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                    else
                    {
                        others.Add((message.MessageId, message.PopReceipt));
                    }
                }
            }
            foreach (var (messageId, popReceipt) in others)
            {
                await queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: TimeSpan.Zero);
            }
            if (mine.Count >= atLeast)
            {
                return mine;
            }
            await Task.Delay(200);
        }
        while (clock.Elapsed < Timeout);
        Assert.Fail($"No profile-changed message for the profile within {Timeout}. hub serve said:\n{hub.Hub.Output}");
        return mine;
    }

    private async Task WaitForDeliveryQueueDrainedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            using var health = JsonDocument.Parse(await hub.Client.GetStringAsync("api/health"));
            if (health.RootElement.GetProperty("queueDepth").GetInt64() == 0)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"The delivery queue did not drain within {Timeout}. hub serve said:\n{hub.Hub.Output}");
    }

    private async Task<string> WaitForProfileIdAsync(string email)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Timeout)
        {
            using var response = await hub.Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return profile.RootElement.GetProperty("id").GetString()!;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"No profile for the delivery within {Timeout}. hub serve said:\n{hub.Hub.Output}");
        return "";
    }
}
