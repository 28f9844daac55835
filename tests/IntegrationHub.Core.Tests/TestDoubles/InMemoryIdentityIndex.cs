using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

public sealed class InMemoryIdentityIndex : IIdentityIndex
{
    private readonly Dictionary<IdentityKey, string> _index = [];

    public IReadOnlyDictionary<IdentityKey, string> Entries => _index;

    public Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_index.GetValueOrDefault(key));

    public Task<string> AddIfAbsentAsync(IdentityKey key, string profileId, CancellationToken cancellationToken = default)
    {
        _index.TryAdd(key, profileId);
        return Task.FromResult(_index[key]);
    }
}
