using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Queues;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Queues;

public sealed class StorageQueueTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReceiveAsync_EnqueuedMessage_ArrivesParsedAndCompleteRemovesIt()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        var message = new DeliveryMessage("shop", "msg/1#a");
        await queue.EnqueueAsync(message);

        // Act
        var received = Assert.Single(await consumer.ReceiveAsync(32, Visibility));
        await consumer.CompleteAsync(received);

        // Assert
        Assert.Equal(message, received.Message);
        Assert.Null(received.ParseError);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(0, await consumer.GetDepthAsync());
        Assert.Empty(await consumer.ReceiveAsync(32, Visibility));
    }

    [Fact]
    public async Task AbandonAsync_NoDelay_MakesTheMessageVisibleAgainWithDequeueCountTwo()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        await queue.EnqueueAsync(new DeliveryMessage("shop", "msg_retry"));
        var first = Assert.Single(await consumer.ReceiveAsync(1, Visibility));

        // Act
        await consumer.AbandonAsync(first, TimeSpan.Zero);
        var second = Assert.Single(await consumer.ReceiveAsync(1, Visibility));

        // Assert
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.Equal(first.Message, second.Message);
    }

    [Fact]
    public async Task AbandonAsync_WithDelay_KeepsTheMessageHiddenUntilThen()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        await queue.EnqueueAsync(new DeliveryMessage("shop", "msg_later"));
        var received = Assert.Single(await consumer.ReceiveAsync(1, Visibility));

        // Act
        var abandoned = await consumer.AbandonAsync(received, TimeSpan.FromMinutes(5));

        // Assert
        Assert.NotEqual(received.PopReceipt, abandoned.PopReceipt);
        Assert.Empty(await consumer.ReceiveAsync(1, Visibility));
        Assert.Equal(1, await consumer.GetDepthAsync());
    }

    [Fact]
    public async Task RenewAsync_BeforeTheVisibilityRunsOut_KeepsTheMessageHiddenAndOnlyTheNewReceiptSettlesIt()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        await queue.EnqueueAsync(new DeliveryMessage("shop", "msg_long"));
        var received = Assert.Single(await consumer.ReceiveAsync(1, TimeSpan.FromSeconds(2)));

        // Act
        var renewed = await consumer.RenewAsync(received, Visibility);
        await Task.Delay(TimeSpan.FromSeconds(3));

        // Assert: past the first visibility timeout, nobody else receives it; the old receipt no longer settles it.
        Assert.Empty(await consumer.ReceiveAsync(1, Visibility));
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => consumer.CompleteAsync(received));
        await consumer.CompleteAsync(renewed);
        Assert.Equal(0, await consumer.GetDepthAsync());
    }

    [Fact]
    public async Task DeadLetterAsync_PoisonMessage_MovesItToThePoisonQueueWithTheReason()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        await queue.EnqueueAsync(new DeliveryMessage("shop", "msg_poison"));
        var received = Assert.Single(await consumer.ReceiveAsync(1, Visibility));

        // Act
        await consumer.DeadLetterAsync(received, "MalformedPayload", "The envelope needs a 'data' object.");

        // Assert
        Assert.Equal(0, await consumer.GetDepthAsync());
        var letter = Assert.Single(await consumer.PeekDeadLettersAsync(32));
        Assert.Equal(received.MessageId, letter.MessageId);
        Assert.Equal(received.Body, letter.Body);
        Assert.Equal("MalformedPayload", letter.Reason);
        Assert.Equal("The envelope needs a 'data' object.", letter.Description);
        Assert.Equal(1, letter.DequeueCount);
        var poison = await Storage.Resources.QueueAsync(StorageNames.PoisonQueue);
        Assert.Equal(1, (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCountLong);
    }

    [Fact]
    public async Task ReceiveAsync_MessageThatIsNotADeliveryMessage_ReportsAParseError()
    {
        // Arrange
        var (_, consumer) = CreateSut();
        var raw = await Storage.Resources.QueueAsync(StorageNames.DeliveryQueue);
        await raw.SendMessageAsync("not json at all");
        await raw.SendMessageAsync("""{"connection":"shop"}""");

        // Act
        var received = await consumer.ReceiveAsync(32, Visibility);

        // Assert
        Assert.Equal(2, received.Count);
        Assert.All(received, r =>
        {
            Assert.Null(r.Message);
            Assert.False(string.IsNullOrEmpty(r.ParseError));
        });
    }

    [Fact]
    public async Task GetDepthAsync_ThreeMessagesWaiting_ReportsThree()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        for (var i = 0; i < 3; i++)
        {
            await queue.EnqueueAsync(new DeliveryMessage("shop", $"msg_{i}"));
        }

        // Act
        var depth = await consumer.GetDepthAsync();

        // Assert
        Assert.Equal(3, depth);
    }

    private (IDeliveryQueue Queue, StorageQueueConsumer Consumer) CreateSut() =>
        (Storage.Get<IDeliveryQueue>(), Storage.Get<StorageQueueConsumer>());
}
