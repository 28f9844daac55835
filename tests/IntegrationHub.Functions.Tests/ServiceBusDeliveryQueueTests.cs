using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Functions.Transport;
using Moq;

namespace IntegrationHub.Functions.Tests;

public sealed class ServiceBusDeliveryQueueTests
{
    [Fact]
    public async Task EnqueueAsync_Delivery_SendsJsonWithDeliveryAsMessageId()
    {
        var sender = new Mock<ServiceBusSender>();
        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender(DeliveryMessage.QueueName)).Returns(sender.Object);
        ServiceBusMessage? sent = null;
        sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((m, _) => sent = m)
            .Returns(Task.CompletedTask);

        await new ServiceBusDeliveryQueue(client.Object).EnqueueAsync(new DeliveryMessage("shop", "msg_1"));

        Assert.NotNull(sent);
        Assert.Equal("shop:msg_1", sent.MessageId);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(new DeliveryMessage("shop", "msg_1"), DeliveryMessage.TryParse(sent.Body.ToMemory().Span));
    }

    [Fact]
    public void MessageId_Replay_DiffersFromTheOriginalSoDuplicateDetectionLetsItThrough()
    {
        var original = ServiceBusDeliveryQueue.MessageId(new DeliveryMessage("shop", "msg_1"));
        var replay = ServiceBusDeliveryQueue.MessageId(new DeliveryMessage("shop", "msg_1", "replay-1"));

        Assert.Equal("shop:msg_1", original);
        Assert.Equal("shop:msg_1:replay-1", replay);
    }

    [Fact]
    public void MessageId_LongerThanServiceBusAllows_HashedTo64Characters()
    {
        var id = ServiceBusDeliveryQueue.MessageId(new DeliveryMessage("shop", new string('x', 200)));

        Assert.Equal(64, id.Length);
        Assert.NotEqual(id, ServiceBusDeliveryQueue.MessageId(new DeliveryMessage("shop", new string('y', 200))));
    }
}
