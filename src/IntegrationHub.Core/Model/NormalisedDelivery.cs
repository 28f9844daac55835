namespace IntegrationHub.Core.Model;

/// <summary>One delivery in the canonical model. A delivery may carry many events (HubSpot and SendGrid batch them);
/// event types the provider does not map are kept as <paramref name="Unmapped"/>: acknowledged, counted, never dropped.</summary>
public sealed record NormalisedDelivery(
    string Connection,
    string Provider,
    string DeliveryId,
    IReadOnlyList<NormalisedEvent> Events,
    IReadOnlyList<UnmappedEvent> Unmapped)
{
    public static NormalisedDelivery Of(NormalisedEvent normalised) =>
        new(normalised.Connection, normalised.Provider, normalised.DeliveryId, [normalised], []);
}
