using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>The transport to the process-event workflow: Service Bus in Azure, Storage Queues standalone.</summary>
public interface IDeliveryQueue
{
    Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default);
}
