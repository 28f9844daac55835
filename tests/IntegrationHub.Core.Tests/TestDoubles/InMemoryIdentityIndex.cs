using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Reads the identifier pointers the in-memory graph store keeps.</summary>
public sealed class InMemoryIdentityIndex(InMemoryIdentityGraphStore graph) : IIdentityIndex
{
    public Task<string?> FindAsync(IdentityKey key, CancellationToken cancellationToken = default) =>
        Task.FromResult(graph.ProfileOf.GetValueOrDefault(key));
}
