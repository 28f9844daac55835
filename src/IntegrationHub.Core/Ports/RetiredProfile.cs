using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>A former profile id and the identifier it was derived from, through which it keeps resolving.</summary>
public sealed record RetiredProfile(string Id, IdentityKey? Origin);
