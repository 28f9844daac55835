using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>The identity graph's storage (docs/identity.md, "What the pipeline persists"). The facts — each event's
/// identifiers, traits and interaction, and the operators' corrections — are written first and never derived; the
/// derived rows (identifier → profile, each profile's <see cref="IdentityProfile"/>, retired ids) are written by
/// <see cref="CommitAsync"/> only if nothing the snapshot was loaded from has changed since.</summary>
public interface IIdentityGraphStore
{
    /// <summary>Stores the event's facts (idempotently) and returns the event as stored: combined with any earlier
    /// reading of the same event (<see cref="IdentityEvent.Combine"/>).</summary>
    Task<IdentityEvent> RecordAsync(
        IdentityEvent identityEvent, PersonTraits traits, Interaction interaction, CancellationToken cancellationToken = default);

    /// <summary>Loads every event connected to <paramref name="seeds"/> (breadth-first over identifiers that are not
    /// blocked, plus the events of the profiles reached), the corrections that concern them and the derived rows they
    /// touch. An identifier carried by more than <see cref="IdentifierPolicy.MaxEventsPerIdentifier"/> events is not
    /// followed; it is listed in <see cref="IdentityGraphState.Overloaded"/>.</summary>
    Task<IdentitySnapshot> LoadAsync(
        IEnumerable<IdentityKey> seeds, IdentifierPolicy policy, CancellationToken cancellationToken = default);

    /// <summary>The traits and interaction stored with each event, for rebuilding profiles and timelines.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(
        IEnumerable<IdentityEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Writes the derived rows computed from <paramref name="snapshot"/> that differ from what it read (a
    /// redelivery therefore writes nothing), and makes sure none of the rows it was computed from changed meanwhile.</summary>
    /// <exception cref="IdentityConflictException">A row the snapshot was loaded from changed since: load again and
    /// re-apply.</exception>
    Task CommitAsync(IdentitySnapshot snapshot, IdentityCommit commit, CancellationToken cancellationToken = default);

    /// <summary>Records (or withdraws) an operator's unlink of <paramref name="identifier"/> on one event; false when
    /// the event never carried it.</summary>
    Task<bool> SetUnlinkedAsync(
        EventRef evidence, IdentityKey identifier, bool unlinked, CancellationToken cancellationToken = default);

    /// <summary>Records (or withdraws) an operator's mark that <paramref name="identifier"/> is shared.</summary>
    Task SetMarkedSharedAsync(IdentityKey identifier, bool marked, CancellationToken cancellationToken = default);

    /// <summary>The current id of the profile <paramref name="profileId"/> names: itself while it is a profile, the
    /// profile now holding its origin identifier once it was merged or renamed, null when unknown.</summary>
    Task<string?> ResolveIdAsync(string profileId, CancellationToken cancellationToken = default);

    /// <summary>Why the profile is one person: its identifiers, events, links and exclusions; null for an id that is
    /// not (or no longer) a profile.</summary>
    Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken = default);
}
