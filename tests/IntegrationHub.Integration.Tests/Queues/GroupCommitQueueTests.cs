using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Queues;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Queues;

/// <summary>Deliveries enqueued while a send is in flight share the next queue message, and each still arrives once.</summary>
public sealed class GroupCommitQueueTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EnqueueAsync_BurstOf300_FewerMessagesAndEveryDeliveryOnce()
    {
        // Arrange
        var (queue, consumer) = CreateSut();
        var sent = Enumerable.Range(0, 300).Select(i => new DeliveryMessage("shop", $"burst_{i}")).ToList();

        // Act
        await Task.WhenAll(sent.Select(m => queue.EnqueueAsync(m)));

        // Assert
        var received = new List<ReceivedDelivery>();
        while (await consumer.ReceiveAsync(32, Visibility) is { Count: > 0 } batch)
        {
            received.AddRange(batch);
        }
        Assert.InRange(received.Count, 3, 299);
        Assert.All(received, r => Assert.Null(r.ParseError));
        Assert.All(received, r => Assert.InRange(r.Messages.Count, 1, StorageDeliveryQueue.MaxPerMessage));
        Assert.Equal(
            sent.Select(m => m.DeliveryId).Order(StringComparer.Ordinal),
            received.SelectMany(r => r.Messages).Select(m => m.DeliveryId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReceiveAsync_ArrayMessage_NamesEachDelivery()
    {
        // Arrange
        var (_, consumer) = CreateSut();
        var raw = await Storage.Resources.QueueAsync(StorageNames.DeliveryQueue);
        await raw.SendMessageAsync("""[{"connection":"shop","deliveryId":"a"},{"connection":"crm","deliveryId":"b"}]""");

        // Act
        var received = Assert.Single(await consumer.ReceiveAsync(32, Visibility));

        // Assert
        Assert.Null(received.ParseError);
        Assert.Null(received.Message);
        Assert.Equal([new DeliveryMessage("shop", "a"), new DeliveryMessage("crm", "b")], received.Messages);
    }

    [Fact]
    public async Task ReceiveAsync_ArrayWithAnIncompleteEntry_ParseErrorAndNoDeliveries()
    {
        // Arrange
        var (_, consumer) = CreateSut();
        var raw = await Storage.Resources.QueueAsync(StorageNames.DeliveryQueue);
        await raw.SendMessageAsync("""[{"connection":"shop","deliveryId":"a"},{"connection":"crm"}]""");

        // Act
        var received = Assert.Single(await consumer.ReceiveAsync(32, Visibility));

        // Assert
        Assert.NotNull(received.ParseError);
        Assert.Empty(received.Messages);
    }

    [Fact]
    public async Task RequeueAloneAsync_OneOfAShared_ArrivesAsAMessageOfItsOwn()
    {
        // Arrange
        var (_, consumer) = CreateSut();
        var delivery = new DeliveryMessage("shop", "failed_once");

        // Act
        await consumer.RequeueAloneAsync(delivery);

        // Assert
        var received = Assert.Single(await consumer.ReceiveAsync(32, Visibility));
        Assert.Equal(delivery, received.Message);
        Assert.Equal(1, received.DequeueCount);
    }

    private (IDeliveryQueue Queue, StorageQueueConsumer Consumer) CreateSut() =>
        (Storage.Get<IDeliveryQueue>(), Storage.Get<StorageQueueConsumer>());
}
