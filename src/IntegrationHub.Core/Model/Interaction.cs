namespace IntegrationHub.Core.Model;

/// <summary>Something a person did or that happened to them, as one entry of their timeline.</summary>
/// <param name="Type">The canonical type (<see cref="InteractionTypes"/>) or, for generic providers, the source's own.</param>
/// <param name="EventId">The source's id for the event; with the connection it makes the entry unique.</param>
/// <param name="OccurredAt">When the source says it happened.</param>
/// <param name="Source">The connection it came from.</param>
/// <param name="Provider">The provider id.</param>
/// <param name="DeliveryId">The delivery it was read from.</param>
/// <param name="SourceType">The provider's own event type, e.g. <c>customer.created</c>.</param>
/// <param name="Summary">A short description for the timeline, without personal data beyond what the profile shows.</param>
public sealed record Interaction(
    string Type,
    string EventId,
    DateTimeOffset OccurredAt,
    string Source,
    string Provider,
    string DeliveryId,
    string? SourceType = null,
    string? Summary = null);
