using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

public sealed class InMemoryProfileStore : IProfileStore
{
    private readonly Dictionary<string, UnifiedProfile> _profiles = new(StringComparer.Ordinal);

    public Task<UnifiedProfile?> GetAsync(string profileId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault(profileId));

    public void Remove(string profileId) => _profiles.Remove(profileId);

    public Task<UnifiedProfile> UpdateAsync(
        string profileId, Func<UnifiedProfile, UnifiedProfile> update, CancellationToken cancellationToken = default)
    {
        var updated = update(_profiles.GetValueOrDefault(profileId) ?? UnifiedProfile.Empty(profileId));
        _profiles[profileId] = updated;
        return Task.FromResult(updated);
    }
}
