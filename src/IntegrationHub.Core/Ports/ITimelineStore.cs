using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>Each profile's interactions, newest first.</summary>
public interface ITimelineStore
{
    /// <summary>Adds the interaction; adding the same one again changes nothing.</summary>
    Task AppendAsync(string profileId, Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Makes the timeline hold exactly <paramref name="interactions"/>: how a merged or split profile's
    /// timeline is rebuilt from its events. Idempotent; an empty list clears the timeline of a retired id.</summary>
    Task ReplaceAsync(string profileId, IReadOnlyCollection<Interaction> interactions, CancellationToken cancellationToken = default);

    Task<TimelinePage> ListAsync(
        string profileId, int pageSize, string? continuation, CancellationToken cancellationToken = default);
}
