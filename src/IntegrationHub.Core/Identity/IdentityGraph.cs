using System.Collections.Immutable;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>The deterministic identity graph (ARCHITECTURE.md decision 2): profiles are the connected components of
/// the identity links events carry, less blocked and shared identifiers and operators' corrections, within the
/// per-profile limits. Every operation is a pure function from a snapshot to a snapshot plus the changes it made, and
/// the profiles it yields depend only on the set of events and corrections — not on the order they arrived in, nor on
/// how often. Each operation recomputes only the events connected to what it touched (docs/identity.md).</summary>
public static class IdentityGraph
{
    /// <summary>Adds an event (a redelivery of a known one changes nothing) and re-resolves what it connects to.</summary>
    public static IdentityGraphResult Apply(IdentityGraphState state, IdentityEvent identityEvent, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(identityEvent);
        ArgumentNullException.ThrowIfNull(policy);
        if (state.Events.TryGetValue(identityEvent.Ref, out var known))
        {
            var combined = known.Combine(identityEvent);
            if (combined.Equals(known))
            {
                return new(state, [], [], []);
            }
            identityEvent = combined;
        }
        var eventsOf = state.EventsOf;
        var origins = state.IdOrigins;
        foreach (var key in identityEvent.Identifiers)
        {
            eventsOf = eventsOf.SetItem(key, eventsOf.GetValueOrDefault(key, []).Add(identityEvent.Ref));
            origins = origins.SetItem(ProfileIds.For(key), key);
        }
        state = state with { Events = state.Events.SetItem(identityEvent.Ref, identityEvent), EventsOf = eventsOf, IdOrigins = origins };
        return Recompute(state, [identityEvent.Ref], policy);
    }

    /// <summary>Unmerge: <paramref name="identifier"/> stays on the event as data but no longer links it. The profile
    /// it held together splits back, each side recomputed from its own events.</summary>
    public static IdentityGraphResult Unlink(IdentityGraphState state, EventRef evidence, IdentityKey identifier, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        var correction = new UnlinkedIdentifier(evidence, identifier);
        return state.Unlinked.Contains(correction) || !state.Events.ContainsKey(evidence)
            ? new(state, [], [], [])
            : Recompute(state with { Unlinked = state.Unlinked.Add(correction) }, [evidence], policy);
    }

    /// <summary>Undoes <see cref="Unlink"/>.</summary>
    public static IdentityGraphResult Relink(IdentityGraphState state, EventRef evidence, IdentityKey identifier, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        var correction = new UnlinkedIdentifier(evidence, identifier);
        return state.Unlinked.Contains(correction)
            ? Recompute(state with { Unlinked = state.Unlinked.Remove(correction) }, [evidence], policy)
            : new(state, [], [], []);
    }

    /// <summary>Unmerge everywhere: <paramref name="identifier"/> (a team inbox, a family phone) links no one.</summary>
    public static IdentityGraphResult MarkShared(IdentityGraphState state, IdentityKey identifier, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.MarkedShared.Contains(identifier)
            ? new(state, [], [], [])
            : Recompute(state with { MarkedShared = state.MarkedShared.Add(identifier) }, EventsOf(state, identifier), policy);
    }

    /// <summary>Undoes <see cref="MarkShared"/>.</summary>
    public static IdentityGraphResult UnmarkShared(IdentityGraphState state, IdentityKey identifier, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.MarkedShared.Contains(identifier)
            ? Recompute(state with { MarkedShared = state.MarkedShared.Remove(identifier) }, EventsOf(state, identifier), policy)
            : new(state, [], [], []);
    }

    /// <summary>Re-resolves what <paramref name="seeds"/> connect to in a snapshot that already holds them and the
    /// corrections that concern them: how the pipeline applies an event (or an operator's correction) whose facts it
    /// stored before loading the snapshot. The same as <see cref="Apply"/> on a snapshot without the event.</summary>
    public static IdentityGraphResult Reconcile(IdentityGraphState state, IEnumerable<EventRef> seeds, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(seeds);
        return Recompute(state, [.. seeds.Where(state.Events.ContainsKey)], policy);
    }

    /// <summary>Re-resolves every event, for instance after the identity options changed.</summary>
    public static IdentityGraphResult Rebuild(IdentityGraphState state, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Recompute(state, [.. state.Events.Keys], policy);
    }

    /// <summary>The profile an identifier resolves to, or null when it links no one.</summary>
    public static string? Find(IdentityGraphState state, IdentityKey identifier)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(identifier);
        return state.ProfileOf.GetValueOrDefault(identifier);
    }

    /// <summary>The current id of the profile <paramref name="profileId"/> names: itself, or — for the id of a profile
    /// since merged or renamed — the profile that now holds the identifier the old id was derived from. Null for an
    /// unknown id, and for an id whose identifier was since found shared between several profiles.</summary>
    public static string? ResolveId(IdentityGraphState state, string profileId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Profiles.ContainsKey(profileId))
        {
            return profileId;
        }
        if (!state.IdOrigins.TryGetValue(profileId, out var origin))
        {
            return null;
        }
        if (state.ProfileOf.TryGetValue(origin, out var current))
        {
            return current;
        }
        var candidates = EventsOf(state, origin)
            .Select(e => state.EventProfile.GetValueOrDefault(e))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    /// <summary>Every event connected to <paramref name="seeds"/> through identifiers that are not blocked, and through
    /// the profiles those events belonged to: all that a change to the seeds can affect, and all that the pipeline has to
    /// load to apply it.</summary>
    public static IReadOnlySet<EventRef> Connected(IdentityGraphState state, IEnumerable<EventRef> seeds, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(policy);
        var seen = new HashSet<EventRef>();
        var visitedKeys = new HashSet<IdentityKey>();
        var visitedProfiles = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<EventRef>(seeds.Where(state.Events.ContainsKey));
        while (queue.TryDequeue(out var current))
        {
            if (!seen.Add(current))
            {
                continue;
            }
            foreach (var key in state.Events[current].Identifiers)
            {
                if (!policy.IsBlocked(key) && !state.Overloaded.Contains(key) && visitedKeys.Add(key))
                {
                    foreach (var next in EventsOf(state, key))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
            if (state.EventProfile.TryGetValue(current, out var profileId) && visitedProfiles.Add(profileId))
            {
                foreach (var next in state.Profiles[profileId].Events)
                {
                    queue.Enqueue(next);
                }
            }
        }
        return seen;
    }

    private static ImmutableHashSet<EventRef> EventsOf(IdentityGraphState state, IdentityKey key) =>
        state.EventsOf.GetValueOrDefault(key, []);

    private static IdentityGraphResult Recompute(IdentityGraphState state, IReadOnlyCollection<EventRef> seeds, IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var connected = Connected(state, seeds, policy);
        var before = connected
            .Select(e => state.EventProfile.GetValueOrDefault(e))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(id => state.Profiles[id])
            .ToList();
        var after = ComponentResolver.Resolve(
            connected.Select(e => state.Events[e]), state.MarkedShared, state.Unlinked, state.Overloaded, policy);

        var profiles = state.Profiles.RemoveRange(before.Select(p => p.Id));
        var profileOf = state.ProfileOf.RemoveRange(before.SelectMany(p => p.Identifiers));
        var eventProfile = state.EventProfile.RemoveRange(connected);
        foreach (var profile in after)
        {
            profiles = profiles.SetItem(profile.Id, profile);
            profileOf = profileOf.SetItems(profile.Identifiers.Select(k => KeyValuePair.Create(k, profile.Id)));
            eventProfile = eventProfile.SetItems(profile.Events.Select(e => KeyValuePair.Create(e, profile.Id)));
        }
        var next = state with { Profiles = profiles, ProfileOf = profileOf, EventProfile = eventProfile };
        return IdentityDiff.Between(next, before, after);
    }
}
