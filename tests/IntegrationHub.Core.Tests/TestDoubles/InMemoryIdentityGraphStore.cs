using System.Collections.Immutable;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Tests.TestDoubles;

/// <summary>The identity graph store in memory. Every load reads the whole graph; a commit is refused when any fact
/// changed since the snapshot was loaded (the store's version moved), as the table store refuses a stale pointer.
/// Rebuilt profiles are written to, and retired ones removed from, the given profile store.</summary>
public sealed class InMemoryIdentityGraphStore(InMemoryProfileStore profiles) : IIdentityGraphStore
{
    private readonly Dictionary<EventRef, IdentityEvent> _events = [];
    private readonly Dictionary<EventRef, StoredEvent> _stored = [];
    private readonly HashSet<UnlinkedIdentifier> _unlinked = [];
    private readonly HashSet<IdentityKey> _shared = [];
    private readonly Dictionary<string, IdentityProfile> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IdentityKey?> _retired = new(StringComparer.Ordinal);
    private Dictionary<IdentityKey, string> _profileOf = [];
    private long _version;

    /// <summary>Runs before every commit (a test's way to race one).</summary>
    public Func<Task>? BeforeCommit { get; set; }

    public int Conflicts { get; private set; }

    public IReadOnlyDictionary<IdentityKey, string> ProfileOf => _profileOf;

    public IReadOnlyDictionary<string, IdentityProfile> Profiles => _profiles;

    public Task<IdentityEvent> RecordAsync(
        IdentityEvent identityEvent, PersonTraits traits, Interaction interaction, CancellationToken cancellationToken = default)
    {
        var combined = _events.TryGetValue(identityEvent.Ref, out var known) ? known.Combine(identityEvent) : identityEvent;
        var stored = new StoredEvent(identityEvent.Ref, traits, interaction);
        if (!combined.Equals(known) || !stored.Equals(_stored.GetValueOrDefault(identityEvent.Ref)))
        {
            _events[identityEvent.Ref] = combined;
            _stored[identityEvent.Ref] = stored;
            _version++;
        }
        return Task.FromResult(combined);
    }

    public Task<IdentitySnapshot> LoadAsync(
        IEnumerable<IdentityKey> seeds, IdentifierPolicy policy, CancellationToken cancellationToken = default)
    {
        var eventsOf = _events.Values
            .SelectMany(e => e.Identifiers.Select(k => (k, e.Ref)))
            .GroupBy(x => x.k)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Ref).ToImmutableHashSet());
        var overloaded = eventsOf.Where(p => p.Value.Count > policy.MaxEventsPerIdentifier).Select(p => p.Key).ToImmutableHashSet();
        var state = IdentityGraphState.Empty with
        {
            Events = _events.ToImmutableDictionary(),
            MarkedShared = [.. _shared],
            Unlinked = [.. _unlinked],
            Profiles = _profiles.ToImmutableDictionary(StringComparer.Ordinal),
            ProfileOf = _profileOf.ToImmutableDictionary(),
            EventProfile = _profiles.Values.SelectMany(p => p.Events.Select(e => KeyValuePair.Create(e, p.Id))).ToImmutableDictionary(),
            EventsOf = eventsOf.Where(p => !overloaded.Contains(p.Key)).ToImmutableDictionary(),
            IdOrigins = eventsOf.Keys.ToImmutableDictionary(ProfileIds.For, k => k, StringComparer.Ordinal),
            Overloaded = overloaded,
        };
        return Task.FromResult<IdentitySnapshot>(new Versioned(state, _version));
    }

    public Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(IEnumerable<IdentityEvent> events, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>([.. events.Select(e => _stored[e.Ref])]);

    public async Task CommitAsync(IdentitySnapshot snapshot, IdentityCommit commit, CancellationToken cancellationToken = default)
    {
        if (BeforeCommit is { } race)
        {
            await race();
        }
        if (((Versioned)snapshot).Version != _version)
        {
            Conflicts++;
            throw new IdentityConflictException("A fact changed since the snapshot was loaded.");
        }
        foreach (var profile in commit.Profiles)
        {
            _profiles[profile.Id] = profile;
            _retired.Remove(profile.Id);
        }
        foreach (var rebuilt in commit.Rebuilt)
        {
            await profiles.UpdateAsync(rebuilt.Id, _ => rebuilt, cancellationToken);
        }
        foreach (var retired in commit.Retired)
        {
            _profiles.Remove(retired.Id);
            _retired[retired.Id] = retired.Origin;
            profiles.Remove(retired.Id);
        }
        _profileOf = commit.ProfileOf.ToDictionary();
    }

    public Task<bool> SetUnlinkedAsync(EventRef evidence, IdentityKey identifier, bool unlinked, CancellationToken cancellationToken = default)
    {
        if (!_events.TryGetValue(evidence, out var e) || !e.Identifiers.Contains(identifier))
        {
            return Task.FromResult(false);
        }
        var correction = new UnlinkedIdentifier(evidence, identifier);
        if (unlinked ? _unlinked.Add(correction) : _unlinked.Remove(correction))
        {
            _version++;
        }
        return Task.FromResult(true);
    }

    public Task SetMarkedSharedAsync(IdentityKey identifier, bool marked, CancellationToken cancellationToken = default)
    {
        if (marked ? _shared.Add(identifier) : _shared.Remove(identifier))
        {
            _version++;
        }
        return Task.CompletedTask;
    }

    public Task<string?> ResolveIdAsync(string profileId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.ContainsKey(profileId) ? profileId
            : _retired.TryGetValue(profileId, out var origin) && origin is not null ? _profileOf.GetValueOrDefault(origin)
            : null);

    public Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_profiles.GetValueOrDefault(profileId));

    private sealed record Versioned(IdentityGraphState State, long Version) : IdentitySnapshot(State);
}
