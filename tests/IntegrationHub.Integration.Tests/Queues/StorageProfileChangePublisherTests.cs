using System.Text.Json;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Queues;

public sealed class StorageProfileChangePublisherTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 15, 0, TimeSpan.Zero);

    private static ProfileChanged Change(string firstName) => ProfileChanged.For(
        "p_0123456789abcdef0123456789abcdef",
        new Interaction("contact.updated", "evt_1", At, "shop", "shopify", "msg_1"),
        new Dictionary<string, FieldValue>
        {
            ["email"] = new("ada@example.com", "shop", "cus_1", At),
            ["firstName"] = new(firstName, "shop", "cus_1", At.AddMinutes(-5)),
        });

    [Fact]
    public async Task PublishAsync_Change_WritesTheDocumentedJsonToThePrefixedQueue()
    {
        // Arrange
        var change = Change("Ada");

        // Act
        await Storage.Get<IProfileChangePublisher>().PublishAsync(change);

        // Assert
        var queue = Storage.Resources.Queues.GetQueueClient($"{Storage.Prefix}profile-changed");
        var message = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        using var json = JsonDocument.Parse(message.Body.ToString());
        var root = json.RootElement;
        Assert.Equal(change.MessageId, root.GetProperty("messageId").GetString());
        Assert.Equal("p_0123456789abcdef0123456789abcdef", root.GetProperty("profileId").GetString());
        Assert.Equal("shop", root.GetProperty("connection").GetString());
        Assert.Equal("evt_1", root.GetProperty("eventId").GetString());
        Assert.Equal("msg_1", root.GetProperty("deliveryId").GetString());
        Assert.Equal(At, root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(["email", "firstName"], root.GetProperty("fields").EnumerateObject().Select(p => p.Name));
        var firstName = root.GetProperty("fields").GetProperty("firstName");
        Assert.Equal("Ada", firstName.GetProperty("value").GetString());
        Assert.Equal("shop", firstName.GetProperty("source").GetString());
        Assert.Equal("cus_1", firstName.GetProperty("sourceRecordId").GetString());
        Assert.Equal(At.AddMinutes(-5), firstName.GetProperty("sourceEventTime").GetDateTimeOffset());
        var lifetime = message.ExpiresOn - message.InsertedOn;
        Assert.InRange(lifetime!.Value, TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task PublishAsync_SameChangeTwice_TwoMessagesUnderOneMessageId()
    {
        // Arrange: at least once — a repeat is sent again, and the id in the body lets consumers drop it.
        var publisher = Storage.Get<IProfileChangePublisher>();

        // Act
        await publisher.PublishAsync(Change("Ada"));
        await publisher.PublishAsync(Change("Ada"));
        await publisher.PublishAsync(Change("Augusta"));

        // Assert
        var queue = Storage.Resources.Queues.GetQueueClient($"{Storage.Prefix}profile-changed");
        var ids = (await queue.PeekMessagesAsync(32)).Value
            .Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.GetProperty("messageId").GetString())
            .ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(2, ids.Distinct().Count());
    }

    [Fact]
    public async Task PublishAsync_ManyAtOnce_FewerMessagesThanChangesAndEveryChangeInOne()
    {
        // Arrange: changes published while a send is in flight go together in the next message, as an array.
        var publisher = Storage.Get<IProfileChangePublisher>();
        var changes = Enumerable.Range(0, 60).Select(i => Change($"Ada {i}")).ToList();

        // Act
        await Task.WhenAll(changes.Select(c => publisher.PublishAsync(c)));

        // Assert
        var queue = Storage.Resources.Queues.GetQueueClient($"{Storage.Prefix}profile-changed");
        var bodies = new List<JsonElement>();
        while ((await queue.ReceiveMessagesAsync(32)).Value is { Length: > 0 } received)
        {
            foreach (var message in received)
            {
                bodies.Add(JsonDocument.Parse(message.Body.ToString()).RootElement.Clone());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        var published = bodies
            .SelectMany(b => b.ValueKind == JsonValueKind.Array ? b.EnumerateArray().ToList() : [b])
            .Select(c => c.GetProperty("messageId").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(changes.Select(c => c.MessageId).Order(StringComparer.Ordinal), published);
        Assert.InRange(bodies.Count, 1, changes.Count - 1);
        Assert.Contains(bodies, b => b.ValueKind == JsonValueKind.Array);
    }

    [Fact]
    public async Task PublishAsync_OverAQueueMessage_SendsItTrimmedUnderTheSameId()
    {
        // Arrange: a value no queue message can carry must not fail the delivery for ever.
        var change = Change(new string('a', 70_000));

        // Act
        await Storage.Get<IProfileChangePublisher>().PublishAsync(change);

        // Assert
        var queue = await Storage.Resources.QueueAsync(StorageNames.ProfileChangedQueue);
        var message = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        Assert.DoesNotContain("aaaa", message.Body.ToString(), StringComparison.Ordinal);
        var sent = JsonSerializer.Deserialize<ProfileChanged>(message.Body.ToString(), ProfileChanged.JsonOptions)!;
        Assert.Equal((change.MessageId, change.ProfileId, true), (sent.MessageId, sent.ProfileId, sent.Truncated));
        Assert.Empty(sent.Fields);
        Assert.Equal(["email", "firstName"], sent.ChangedFields);
    }

    [Fact]
    public async Task PublishAsync_EvenTheNamesOverAQueueMessage_SendsTheProfileIdAlone()
    {
        // Arrange: thousands of consent channels from a misbehaving source.
        var at = new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero);
        var fields = Enumerable.Range(0, 3_000).ToDictionary(i => $"consent.channel-{i:D5}-{new string('x', 20)}", _ => new FieldValue("granted", "shop", "cus_1", at));
        var change = ProfileChanged.For("p_0123456789abcdef0123456789abcdef", new Interaction("contact.updated", "evt_1", at, "shop", "shopify", "msg_1"), fields);

        // Act
        await Storage.Get<IProfileChangePublisher>().PublishAsync(change);

        // Assert
        var queue = await Storage.Resources.QueueAsync(StorageNames.ProfileChangedQueue);
        var sent = JsonSerializer.Deserialize<ProfileChanged>(Assert.Single((await queue.PeekMessagesAsync(32)).Value).Body.ToString(), ProfileChanged.JsonOptions)!;
        Assert.Equal((change.MessageId, change.ProfileId, true), (sent.MessageId, sent.ProfileId, sent.Truncated));
        Assert.Empty(sent.ChangedFields);
    }
}
