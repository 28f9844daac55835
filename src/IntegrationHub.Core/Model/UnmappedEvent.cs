namespace IntegrationHub.Core.Model;

/// <summary>An event whose type the provider's normaliser does not map.</summary>
public sealed record UnmappedEvent(string SourceType, string EventId, DateTimeOffset? OccurredAt);
