namespace IntegrationHub.Infrastructure.Http;

/// <summary>Body of <c>POST /api/profiles/{id}/unlink</c>: which event's evidence to withdraw, and for which identifier.</summary>
public sealed record UnlinkRequest(string? Connection, string? EventId, IdentifierRequest? Identifier);
