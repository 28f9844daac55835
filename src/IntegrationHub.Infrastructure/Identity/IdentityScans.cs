using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>Reading the graph: one range scan per identifier (its pointer, shared mark and facts), and the snapshot
/// state built from what the scans and the identity rows found.</summary>
internal static class IdentityScans
{
    public static async Task<KeyScan> ScanAsync(TableClient table, IdentityKey key, int maxEvents, CancellationToken cancellationToken)
    {
        var partition = IdentityRows.PartitionKey(key);
        var (lower, upper) = IdentityRows.Range(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}");
        var select = FactEntity.GraphColumns.Append(IdentityPointers.ProfileIdProperty).Append(IdentityPointers.SharedProperty).Append("RowKey").ToList();
        ETag? pointer = null;
        string? profileId = null;
        var shared = false;
        var foundShared = false;
        var events = new List<IdentityEvent>();
        var unlinkedOn = new List<EventRef>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select, cancellationToken))
        {
            if (entity.RowKey == lower)
            {
                (pointer, profileId) = (entity.ETag, IdentityPointers.NonEmpty(entity.GetString(IdentityPointers.ProfileIdProperty)));
                foundShared = entity.GetBoolean(IdentityPointers.SharedProperty) == true;
            }
            else if (IdentityRows.IsShared(entity.RowKey))
            {
                shared = true;
            }
            else if (IdentityRows.IsFact(entity.RowKey))
            {
                if (foundShared || events.Count == maxEvents)
                {
                    return new KeyScan(key, pointer, profileId, shared, foundShared, Overloaded: true, [], []);
                }
                var e = FactEntity.Event(entity);
                events.Add(e);
                if (FactEntity.IsUnlinked(entity))
                {
                    unlinkedOn.Add(e.Ref);
                }
            }
        }
        return new KeyScan(key, pointer, profileId, shared, foundShared, Overloaded: foundShared, events, unlinkedOn);
    }

    /// <summary>The graph as loaded: only loaded events, and derived rows only where they agree with each other (a
    /// pointer counts when the profile it names lists the identifier; a profile keeps the events that were loaded).
    /// Whatever a crashed or racing writer left half-done is thereby recomputed and rewritten.</summary>
    public static IdentityGraphState StateOf(
        Dictionary<IdentityKey, KeyScan> scans, Dictionary<EventRef, IdentityEvent> events, Dictionary<string, IdentityProfile?> loaded)
    {
        var profiles = ImmutableDictionary.CreateBuilder<string, IdentityProfile>(StringComparer.Ordinal);
        var eventProfile = ImmutableDictionary.CreateBuilder<EventRef, string>();
        foreach (var (id, profile) in loaded.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (profile is null)
            {
                continue;
            }
            var own = profile.Events.Where(e => events.ContainsKey(e) && !eventProfile.ContainsKey(e)).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            profiles[id] = own.Count == profile.Events.Count ? profile : profile with { Events = own };
            foreach (var e in own)
            {
                eventProfile[e] = id;
            }
        }
        var profileOf = ImmutableDictionary.CreateBuilder<IdentityKey, string>();
        var eventsOf = ImmutableDictionary.CreateBuilder<IdentityKey, ImmutableHashSet<EventRef>>();
        var origins = ImmutableDictionary.CreateBuilder<string, IdentityKey>(StringComparer.Ordinal);
        foreach (var scan in scans.Values)
        {
            origins[ProfileIds.For(scan.Key)] = scan.Key;
            if (scan.ProfileId is { } id && profiles.TryGetValue(id, out var profile) && profile.Identifiers.Contains(scan.Key))
            {
                profileOf[scan.Key] = id;
            }
            if (!scan.Overloaded)
            {
                eventsOf[scan.Key] = [.. scan.Events.Select(e => e.Ref)];
            }
        }
        return IdentityGraphState.Empty with
        {
            Events = events.ToImmutableDictionary(),
            MarkedShared = [.. scans.Values.Where(s => s.MarkedShared).Select(s => s.Key)],
            Unlinked = [.. scans.Values.SelectMany(s => s.UnlinkedOn.Select(e => new UnlinkedIdentifier(e, s.Key)))],
            Profiles = profiles.ToImmutable(),
            ProfileOf = profileOf.ToImmutable(),
            EventProfile = eventProfile.ToImmutable(),
            EventsOf = eventsOf.ToImmutable(),
            IdOrigins = origins.ToImmutable(),
            Overloaded = [.. scans.Values.Where(s => s.Overloaded).Select(s => s.Key)],
        };
    }
}
