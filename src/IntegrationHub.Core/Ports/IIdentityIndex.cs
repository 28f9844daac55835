using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Identifier to profile id.</summary>
public interface IIdentityIndex
{
    Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default);

    /// <summary>Points <paramref name="key"/> at <paramref name="profileId"/> unless it already points somewhere, and
    /// returns the profile id it points at afterwards.</summary>
    Task<string> AddIfAbsentAsync(IdentityKey key, string profileId, CancellationToken cancellationToken = default);
}
