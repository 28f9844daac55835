using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

public sealed class InMemoryMatchBlockIndex : IMatchBlockIndex
{
    private readonly Dictionary<string, SortedSet<string>> _blocks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, SortedSet<string>> Blocks => _blocks;

    public Task<IReadOnlyList<string>?> MembersAsync(string block, int max, CancellationToken cancellationToken = default)
    {
        var members = _blocks.GetValueOrDefault(block) ?? [];
        return Task.FromResult<IReadOnlyList<string>?>(members.Count > max ? null : [.. members]);
    }

    public Task AddAsync(string block, string profileId, CancellationToken cancellationToken = default)
    {
        if (!_blocks.TryGetValue(block, out var members))
        {
            _blocks[block] = members = new SortedSet<string>(StringComparer.Ordinal);
        }
        members.Add(profileId);
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string block, string profileId, CancellationToken cancellationToken = default)
    {
        _blocks.GetValueOrDefault(block)?.Remove(profileId);
        return Task.CompletedTask;
    }
}
