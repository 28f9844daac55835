using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

public sealed class InMemoryTimelineStore : ITimelineStore
{
    private readonly Dictionary<string, List<Interaction>> _timelines = new(StringComparer.Ordinal);

    public IReadOnlyList<Interaction> For(string profileId) =>
        _timelines.TryGetValue(profileId, out var items) ? items : [];

    public Task AppendAsync(string profileId, Interaction interaction, CancellationToken cancellationToken = default)
    {
        if (!_timelines.TryGetValue(profileId, out var items))
        {
            _timelines[profileId] = items = [];
        }
        if (!items.Any(i => i.Source == interaction.Source && i.EventId == interaction.EventId))
        {
            items.Add(interaction);
        }
        return Task.CompletedTask;
    }

    public Task ReplaceAsync(string profileId, IReadOnlyCollection<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        _timelines[profileId] = [.. interactions.DistinctBy(i => (i.Source, i.EventId))];
        return Task.CompletedTask;
    }

    public Task<TimelinePage> ListAsync(
        string profileId, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var skip = continuation is null ? 0 : int.Parse(continuation, System.Globalization.CultureInfo.InvariantCulture);
        var ordered = For(profileId).OrderByDescending(i => i.OccurredAt).ToList();
        var page = ordered.Skip(skip).Take(pageSize).ToList();
        var next = skip + page.Count < ordered.Count ? (skip + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new TimelinePage(page, next));
    }
}
