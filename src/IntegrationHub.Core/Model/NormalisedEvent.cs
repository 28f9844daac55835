namespace IntegrationHub.Core.Model;

/// <summary>One delivery in the canonical model: who it is about and what happened.</summary>
/// <param name="Connection">The connection (source) it came from.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="DeliveryId">The delivery it was read from.</param>
/// <param name="Person">The person's traits, or null when the payload names no one the hub can identify.</param>
/// <param name="Interaction">The event itself, for the person's timeline.</param>
public sealed record NormalisedEvent(
    string Connection,
    string Provider,
    string DeliveryId,
    PersonTraits? Person,
    Interaction Interaction);
