using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Identifier to profile id: the read side of the identity graph's derived rows, for lookups by email.</summary>
public interface IIdentityIndex
{
    /// <summary>The profile the identifier links to, or null when it links no one.</summary>
    Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default);
}
