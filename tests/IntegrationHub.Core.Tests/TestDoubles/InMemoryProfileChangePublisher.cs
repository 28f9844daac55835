using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>Keeps every published change, in order, the way a consumer of the topic would see them.</summary>
public sealed class InMemoryProfileChangePublisher : IProfileChangePublisher
{
    private readonly List<ProfileChanged> _published = [];

    public IReadOnlyList<ProfileChanged> Published => _published;

    public Task PublishAsync(ProfileChanged change, CancellationToken cancellationToken = default)
    {
        _published.Add(change);
        return Task.CompletedTask;
    }
}
