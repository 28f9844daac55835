using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Unified profiles.</summary>
public interface IProfileStore
{
    Task<UnifiedProfile?> GetAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>Reads the profile (or an empty one), applies <paramref name="update"/> and writes it back with
    /// optimistic concurrency, re-reading and re-applying when another writer got there first.</summary>
    Task<UnifiedProfile> UpdateAsync(
        string profileId, Func<UnifiedProfile, UnifiedProfile> update, CancellationToken cancellationToken = default);
}
