namespace IntegrationHub.Infrastructure.Http;

/// <summary>The 202 body: the delivery id, and whether the hub had already accepted it.</summary>
public sealed record WebhookAccepted(string DeliveryId, bool Duplicate);
