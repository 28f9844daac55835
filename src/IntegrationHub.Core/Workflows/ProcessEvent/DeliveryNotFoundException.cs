namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>A queue message names a delivery the archive does not hold.</summary>
public sealed class DeliveryNotFoundException(string connection, string deliveryId)
    : Exception($"Delivery '{deliveryId}' on '{connection}' is not in the archive.");
