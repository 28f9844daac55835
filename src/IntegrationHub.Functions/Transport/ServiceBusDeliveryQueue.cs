using Azure.Messaging.ServiceBus;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Functions.Transport;

/// <summary>Sends accepted deliveries to the Service Bus queue. The message id is the delivery's own id, so the
/// queue's duplicate detection drops a redelivered webhook that slipped past the archive check.</summary>
internal sealed class ServiceBusDeliveryQueue(ServiceBusClient client) : IDeliveryQueue
{
    private readonly ServiceBusSender _sender = client.CreateSender(DeliveryMessage.QueueName);

    public Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default) =>
        _sender.SendMessageAsync(
            new ServiceBusMessage(BinaryData.FromObjectAsJson(message, DeliveryMessage.JsonOptions))
            {
                MessageId = MessageId(message),
                ContentType = "application/json",
                Subject = message.Connection,
            },
            cancellationToken);

    internal static string MessageId(DeliveryMessage message)
    {
        var id = message.Replay is null
            ? $"{message.Connection}:{message.DeliveryId}"
            : $"{message.Connection}:{message.DeliveryId}:{message.Replay}";
        return MessageIds.Bounded(id);
    }
}
