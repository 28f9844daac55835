using System.Collections.Immutable;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Profiles;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>The identity graph on Azure Tables (docs/storage.md, "identities" and "profiles"). Facts are written
/// first; a load reads, per identifier, one range scan (pointer, shared mark and facts) and, per profile reached, one
/// point read of its identity row; a commit writes the changed identity rows (each with its rebuilt profile in one
/// batch), tombstones retired ids, and then checks or rewrites every pointer it read against the version it read. A
/// fact written under an identifier also touches that identifier's pointer in the same batch, so a worker whose
/// snapshot missed a fact finds a pointer version it did not read and is refused (docs/identity.md).</summary>
public sealed class TableIdentityGraphStore(StorageResources storage) : IIdentityGraphStore
{
    private const string ProfileIdProperty = "ProfileId";

    /// <summary>On a pointer: the graph found the identifier shared (it would join more profiles than
    /// <see cref="IdentityOptions.MaxProfilesPerIdentifier"/> allows), or a load found it past
    /// <see cref="IdentityOptions.MaxEventsPerIdentifier"/>. From then on it is loaded like an overloaded one — not
    /// followed, its facts not read, its pointer not checked — so a phone number many people give costs each of them one
    /// scan, not a load of everyone who ever gave it (docs/identity.md, "Limits"). Set and cleared in the same batch as
    /// the <see cref="SharedIdentifierCount"/> of its partition.</summary>
    private const string SharedProperty = "Shared";
    private const string LastEventProperty = "LastEvent";
    private const int MaxFactAttempts = 10;

    /// <summary>Parallel point reads when rebuilding a profile from many events.</summary>
    private const int ReadParallelism = 16;

    private static readonly string[] PointerOnly = [ProfileIdProperty];
    private static readonly string[] PointerColumns = [ProfileIdProperty, SharedProperty];

    public async Task<IdentityEvent> RecordAsync(
        IdentityEvent identityEvent, PersonTraits traits, Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identityEvent);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var (traitsJson, interactionJson) = (FactEntity.Json(traits), FactEntity.Json(interaction));
        var current = identityEvent;
        while (true)
        {
            var stored = await Task.WhenAll(current.Identifiers.Select(key =>
                WriteFactAsync(table, key, current, traitsJson, interactionJson, cancellationToken)));
            var combined = stored.Aggregate(current, (a, b) => a.Combine(b));
            if (combined.Equals(current))
            {
                return current;
            }
            // An earlier reading of the event carried identifiers this one lacks: every row gets the union.
            current = combined;
        }
    }

    public async Task<IdentitySnapshot> LoadAsync(
        IEnumerable<IdentityKey> seeds, IdentifierPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(policy);
        var identities = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var profilesTable = await storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        var scans = new Dictionary<IdentityKey, KeyScan>();
        var events = new Dictionary<EventRef, IdentityEvent>();
        var profiles = new Dictionary<string, IdentityProfile?>(StringComparer.Ordinal);
        var profileETags = new Dictionary<string, ETag?>(StringComparer.Ordinal);
        var requested = new HashSet<IdentityKey>();
        var wave = seeds.Where(k => !policy.IsBlocked(k) && requested.Add(k)).ToList();
        while (wave.Count > 0)
        {
            var next = new List<IdentityKey>();
            void Follow(IdentityKey key)
            {
                if (!policy.IsBlocked(key) && requested.Add(key))
                {
                    next.Add(key);
                }
            }

            var profileIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var scan in await Task.WhenAll(wave.Select(k => ScanAsync(identities, k, policy.MaxEventsPerIdentifier, cancellationToken))))
            {
                scans[scan.Key] = scan;
                foreach (var e in scan.Events)
                {
                    events[e.Ref] = events.TryGetValue(e.Ref, out var known) ? known.Combine(e) : e;
                    foreach (var key in e.Identifiers)
                    {
                        Follow(key);
                    }
                }
                if (scan.ProfileId is { } id && !profiles.ContainsKey(id))
                {
                    profileIds.Add(id);
                }
            }
            foreach (var (id, entity) in await Task.WhenAll(profileIds.Select(async id => (id, await ReadIdentityAsync(profilesTable, id, cancellationToken)))))
            {
                var profile = entity is null ? null : IdentityEntity.Profile(entity);
                profiles[id] = profile;
                profileETags[id] = entity?.ETag;
                foreach (var key in profile?.Identifiers ?? [])
                {
                    Follow(key);
                }
            }
            wave = next;
        }
        return new TableIdentitySnapshot(StateOf(scans, events, profiles), scans, profileETags);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(
        IEnumerable<IdentityEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var list = events.ToList();
        var read = new StoredEvent[list.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, list.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, token) => read[i] = await ReadEventAsync(table, list[i], token));
        return read;
    }

    public async Task CommitAsync(IdentitySnapshot snapshot, IdentityCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (snapshot is not TableIdentitySnapshot loaded)
        {
            throw new ArgumentException("The snapshot was not loaded by this store.", nameof(snapshot));
        }
        var foundShared = commit.Profiles
            .SelectMany(p => p.Excluded)
            .Where(x => x.Reason == ExcludedIdentifier.Shared)
            .Select(x => x.Identifier)
            .ToHashSet();
        var pointersChanged = loaded.Scans.Values.Any(s => s.Overloaded
            ? s.ProfileId is not null || !s.FoundShared
            : s.ProfileId != commit.ProfileOf.GetValueOrDefault(s.Key) || foundShared.Contains(s.Key));
        if (commit.Profiles.Count == 0 && commit.Retired.Count == 0 && !pointersChanged)
        {
            // Nothing to write, so nothing stale can be written: a redelivery costs no checks.
            return;
        }
        var identities = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var profilesTable = await storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        try
        {
            // Identity rows first (each with its rebuilt profile, atomically), then tombstones, then the pointers: a
            // worker that missed a fact is refused at the latest by a pointer, and by then everything it wrote is
            // visible to the worker that wrote the fact (docs/identity.md, "Concurrency").
            var rebuilt = commit.Rebuilt.ToDictionary(p => p.Id, StringComparer.Ordinal);
            await Task.WhenAll(commit.Profiles.Select(p =>
                WriteProfileAsync(profilesTable, loaded, p, rebuilt.GetValueOrDefault(p.Id), cancellationToken)));
            await Task.WhenAll(commit.Retired.Select(r => RetireAsync(profilesTable, loaded, r, cancellationToken)));
            await Task.WhenAll(loaded.Scans.Values.Select(s => s.Overloaded
                ? ClearPointerAsync(identities, s, cancellationToken)
                : SettlePointerAsync(identities, s, commit.ProfileOf.GetValueOrDefault(s.Key), foundShared.Contains(s.Key), cancellationToken)));
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new IdentityConflictException("An identity row changed since the snapshot was loaded.", e);
        }
    }

    public async Task<bool> SetUnlinkedAsync(
        EventRef evidence, IdentityKey identifier, bool unlinked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(identifier);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var partition = IdentityRows.PartitionKey(identifier);
        var row = IdentityRows.Fact(identifier, evidence);
        if (!(await table.GetEntityIfExistsAsync<TableEntity>(partition, row, PointerOnly, cancellationToken)).HasValue)
        {
            return false;
        }
        await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge, new TableEntity(partition, row) { [FactEntity.Unlinked] = unlinked }, ETag.All),
                Touch(identifier, row),
            ],
            cancellationToken);
        return true;
    }

    public async Task SetMarkedSharedAsync(IdentityKey identifier, bool marked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var table = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var partition = IdentityRows.PartitionKey(identifier);
        var row = IdentityRows.Shared(identifier);
        var exists = (await table.GetEntityIfExistsAsync<TableEntity>(partition, row, PointerOnly, cancellationToken)).HasValue;
        if (!marked)
        {
            // The operator says it links people: whatever the graph found before is looked at again, from every event.
            await ForgetFoundSharedAsync(table, identifier, cancellationToken);
        }
        if (exists == marked)
        {
            return;
        }
        var change = marked
            ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row))
            : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All);
        await table.SubmitTransactionAsync([change, Touch(identifier, row)], cancellationToken);
    }

    /// <summary>Clears the pointer's <c>Shared</c> flag and lowers the partition's count in the same batch, against the
    /// versions read, so a flag is uncounted once however many operators clear it at once.</summary>
    private static Task ForgetFoundSharedAsync(TableClient table, IdentityKey identifier, CancellationToken cancellationToken)
    {
        var (partition, row) = (IdentityRows.PartitionKey(identifier), IdentityRows.Pointer(identifier));
        return SharedIdentifierCount.Counter.SubmitCountedAsync(table, partition, async (_, token) =>
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, PointerColumns, token);
            if (!pointer.HasValue || pointer.Value!.GetBoolean(SharedProperty) != true)
            {
                return null;
            }
            var cleared = new TableEntity(partition, row) { [SharedProperty] = false };
            return new CountedBatch([new(TableTransactionActionType.UpdateMerge, cleared, pointer.Value.ETag)], -1);
        }, cancellationToken);
    }

    public async Task<string?> ResolveIdAsync(string profileId, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(profileId))
        {
            return null;
        }
        var profilesTable = await storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        var entity = await ReadIdentityAsync(profilesTable, profileId, cancellationToken);
        if (entity is null || !IdentityEntity.IsTombstone(entity))
        {
            return entity is null ? null : profileId;
        }
        if (IdentityEntity.Origin(entity) is not var (partition, row))
        {
            return null;
        }
        var identities = await storage.TableAsync(StorageNames.IdentitiesTable, cancellationToken);
        var pointer = await identities.GetEntityIfExistsAsync<TableEntity>(partition, row, PointerOnly, cancellationToken);
        return pointer.HasValue ? NonEmpty(pointer.Value!.GetString(ProfileIdProperty)) : null;
    }

    public async Task<IdentityProfile?> GetProfileAsync(string profileId, CancellationToken cancellationToken = default)
    {
        if (!ProfileIds.IsWellFormed(profileId))
        {
            return null;
        }
        var profilesTable = await storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        return await ReadIdentityAsync(profilesTable, profileId, cancellationToken) is { } entity ? IdentityEntity.Profile(entity) : null;
    }

    /// <summary>Inserts the fact with a touch of the identifier's pointer; a redelivery finds the row and, when its
    /// reading adds identifiers or changes the traits, replaces it (keeping the operator's unlink). Returns the event
    /// as the row now holds it.</summary>
    private static async Task<IdentityEvent> WriteFactAsync(
        TableClient table, IdentityKey key, IdentityEvent e, string traits, string interaction, CancellationToken cancellationToken)
    {
        var row = IdentityRows.Fact(key, e.Ref);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, FactEntity.Create(key, e, traits, interaction, unlinked: false)),
                        Touch(key, row),
                    ],
                    cancellationToken);
                return e;
            }
            catch (RequestFailedException first) when (first.Status == 409 && attempt < MaxFactAttempts)
            {
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(IdentityRows.PartitionKey(key), row, cancellationToken: cancellationToken);
                if (!stored.HasValue)
                {
                    continue;
                }
                var entity = stored.Value!;
                var known = FactEntity.Event(entity);
                var combined = known.Combine(e);
                if (combined.Equals(known) && entity.GetString(FactEntity.Traits) == traits && entity.GetString(FactEntity.Interaction) == interaction)
                {
                    return known;
                }
                try
                {
                    await table.SubmitTransactionAsync(
                        [
                            new TableTransactionAction(
                                TableTransactionActionType.UpdateReplace,
                                FactEntity.Create(key, combined, traits, interaction, FactEntity.IsUnlinked(entity)),
                                entity.ETag),
                            Touch(key, row),
                        ],
                        cancellationToken);
                    return combined;
                }
                catch (RequestFailedException second) when (second.Status is 409 or 412)
                {
                    // Another reading of the same event got there first: read it again.
                }
            }
        }
    }

    /// <summary>Changes the pointer's version without touching its profile id: a new fact for this identifier.</summary>
    private static TableTransactionAction Touch(IdentityKey key, string factRow) => new(
        TableTransactionActionType.UpsertMerge,
        new TableEntity(IdentityRows.PartitionKey(key), IdentityRows.Pointer(key)) { [LastEventProperty] = factRow });

    private static async Task<KeyScan> ScanAsync(TableClient table, IdentityKey key, int maxEvents, CancellationToken cancellationToken)
    {
        var partition = IdentityRows.PartitionKey(key);
        var (lower, upper) = IdentityRows.Range(key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {lower} and RowKey lt {upper}");
        var select = FactEntity.GraphColumns.Append(ProfileIdProperty).Append(SharedProperty).Append("RowKey").ToList();
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
                (pointer, profileId) = (entity.ETag, NonEmpty(entity.GetString(ProfileIdProperty)));
                foundShared = entity.GetBoolean(SharedProperty) == true;
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
    private static IdentityGraphState StateOf(
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

    private static async Task<StoredEvent> ReadEventAsync(TableClient table, IdentityEvent e, CancellationToken cancellationToken)
    {
        foreach (var key in e.Identifiers)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(
                IdentityRows.PartitionKey(key), IdentityRows.Fact(key, e.Ref), [FactEntity.Traits, FactEntity.Interaction], cancellationToken);
            if (row.HasValue)
            {
                return new StoredEvent(
                    e.Ref, FactEntity.Read<PersonTraits>(row.Value!, FactEntity.Traits), FactEntity.Read<Interaction>(row.Value!, FactEntity.Interaction));
            }
        }
        throw new InvalidOperationException($"The facts of event '{e.Ref.EventId}' on '{e.Ref.Connection}' are not stored.");
    }

    /// <summary>Writes a profile's identity row against the version the snapshot read (or, for an id the snapshot
    /// did not read, the version there is now), with its rebuilt profile in the same batch.</summary>
    private static async Task WriteProfileAsync(
        TableClient table, TableIdentitySnapshot loaded, IdentityProfile profile, UnifiedProfile? rebuilt, CancellationToken cancellationToken)
    {
        var etag = loaded.ProfileETags.TryGetValue(profile.Id, out var seen)
            ? seen
            : (await ReadIdentityAsync(table, profile.Id, cancellationToken))?.ETag;
        var identity = IdentityEntity.Live(profile);
        var actions = new List<TableTransactionAction>
        {
            etag is { } version
                ? new(TableTransactionActionType.UpdateReplace, identity, version)
                : new(TableTransactionActionType.Add, identity),
        };
        if (rebuilt is not null)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(rebuilt, StorageJson.Options);
            actions.Add(new(TableTransactionActionType.UpsertReplace, ProfileEntity.Create(identity.PartitionKey, profile.Id, json)));
        }
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Replaces a retired id's identity row by a tombstone naming its origin's pointer, and removes its
    /// unified profile in the same batch (if it has one).</summary>
    private static async Task RetireAsync(
        TableClient table, TableIdentitySnapshot loaded, RetiredProfile retired, CancellationToken cancellationToken)
    {
        var tombstone = IdentityEntity.Tombstone(
            retired.Id,
            retired.Origin is { } origin ? IdentityRows.PartitionKey(origin) : null,
            retired.Origin is { } key ? IdentityRows.Pointer(key) : null);
        var replace = loaded.ProfileETags.GetValueOrDefault(retired.Id) is { } version
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, tombstone, version)
            : new TableTransactionAction(TableTransactionActionType.UpsertReplace, tombstone);
        try
        {
            await table.SubmitTransactionAsync(
                [replace, new(TableTransactionActionType.Delete, new TableEntity(tombstone.PartitionKey, ProfileEntity.RowKey), ETag.All)],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            await table.SubmitTransactionAsync([replace], cancellationToken);
        }
    }

    /// <summary>Rewrites the pointer if its profile changed or the graph found it shared (recorded on it), or checks it
    /// kept the version the snapshot read: either way, a fact written under it since the load makes this fail with 412 (or 409 for a pointer read as absent).</summary>
    private static async Task SettlePointerAsync(
        TableClient table, KeyScan scan, string? profileId, bool foundShared, CancellationToken cancellationToken)
    {
        var partition = IdentityRows.PartitionKey(scan.Key);
        var row = IdentityRows.Pointer(scan.Key);
        if (foundShared)
        {
            // A scan of a flagged pointer is overloaded and never settled here: this is the first time, so it is counted.
            await FlagSharedAsync(table, scan, profileId, cancellationToken);
            return;
        }
        if (profileId != scan.ProfileId)
        {
            var entity = new TableEntity(partition, row) { [ProfileIdProperty] = profileId ?? "" };
            if (scan.PointerETag is { } version)
            {
                await table.UpdateEntityAsync(entity, version, TableUpdateMode.Merge, cancellationToken);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            return;
        }
        await EnsureUnchangedAsync(table, scan, cancellationToken);
    }

    /// <summary>Fails with 412 unless the pointer still has the version the snapshot read (is still absent if it was).</summary>
    private static async Task EnsureUnchangedAsync(TableClient table, KeyScan scan, CancellationToken cancellationToken)
    {
        var now = await table.GetEntityIfExistsAsync<TableEntity>(
            IdentityRows.PartitionKey(scan.Key), IdentityRows.Pointer(scan.Key), PointerOnly, cancellationToken);
        if ((now.HasValue ? now.Value!.ETag : (ETag?)null) != scan.PointerETag)
        {
            throw new RequestFailedException(412, "The pointer changed since the snapshot was loaded.");
        }
    }

    /// <summary>Flags the pointer shared against the version the snapshot read, raising the partition's count in the
    /// same batch. When the batch is refused and the pointer still has the version read, it was the count that moved (a
    /// flag set on a neighbour): the batch is tried again. Otherwise a fact arrived since the load: a conflict.</summary>
    private static Task FlagSharedAsync(TableClient table, KeyScan scan, string? profileId, CancellationToken cancellationToken)
    {
        var (partition, row) = (IdentityRows.PartitionKey(scan.Key), IdentityRows.Pointer(scan.Key));
        var entity = new TableEntity(partition, row) { [ProfileIdProperty] = profileId ?? "", [SharedProperty] = true };
        return SharedIdentifierCount.Counter.SubmitCountedAsync(table, partition, async (attempt, token) =>
        {
            if (attempt > 1)
            {
                await EnsureUnchangedAsync(table, scan, token);
            }
            var write = scan.PointerETag is { } version
                ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, entity, version)
                : new TableTransactionAction(TableTransactionActionType.Add, entity);
            return new CountedBatch([write], 1);
        }, cancellationToken);
    }

    /// <summary>An overloaded identifier links no one, whatever else happens: its pointer is cleared without checking the
    /// snapshot's version (every new event under it touches the pointer, so a check would refuse almost every commit).
    /// The first time a load finds it past the cap, the pointer is flagged shared too, and counted, against the version
    /// read just before, so that however many workers find it at once it is counted once.</summary>
    private static async Task ClearPointerAsync(TableClient table, KeyScan scan, CancellationToken cancellationToken)
    {
        if (!scan.FoundShared)
        {
            var (partition, row) = (IdentityRows.PartitionKey(scan.Key), IdentityRows.Pointer(scan.Key));
            var cleared = new TableEntity(partition, row) { [ProfileIdProperty] = "", [SharedProperty] = true };
            await SharedIdentifierCount.Counter.SubmitCountedAsync(table, partition, async (_, token) =>
            {
                var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, PointerColumns, token);
                if (pointer.HasValue && pointer.Value!.GetBoolean(SharedProperty) == true)
                {
                    // Another worker flagged and counted it: only its profile is left to clear, as below.
                    return NonEmpty(pointer.Value.GetString(ProfileIdProperty)) is null
                        ? null
                        : new CountedBatch([new(TableTransactionActionType.UpdateMerge, new TableEntity(partition, row) { [ProfileIdProperty] = "" }, ETag.All)], 0);
                }
                var write = pointer.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateMerge, cleared, pointer.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, cleared);
                return new CountedBatch([write], 1);
            }, cancellationToken);
            return;
        }
        if (scan.ProfileId is not null)
        {
            var entity = new TableEntity(IdentityRows.PartitionKey(scan.Key), IdentityRows.Pointer(scan.Key)) { [ProfileIdProperty] = "" };
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private static async Task<TableEntity?> ReadIdentityAsync(TableClient table, string profileId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            IdentityEntity.PartitionKey(profileId), IdentityEntity.RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
