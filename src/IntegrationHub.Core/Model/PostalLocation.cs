namespace IntegrationHub.Core.Model;

/// <summary>Where a person is, as precisely as the source says: any part may be missing.</summary>
public sealed record PostalLocation(string? City, string? Region, string? PostalCode, string? Country);
