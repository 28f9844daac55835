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
    /// <summary>Parallel point reads when rebuilding a profile from many events.</summary>
    private const int ReadParallelism = 16;

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
                IdentityFacts.WriteFactAsync(table, key, current, traitsJson, interactionJson, cancellationToken)));
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
            foreach (var scan in await Task.WhenAll(wave.Select(k => IdentityScans.ScanAsync(identities, k, policy.MaxEventsPerIdentifier, cancellationToken))))
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
        return new TableIdentitySnapshot(IdentityScans.StateOf(scans, events, profiles), scans, profileETags);
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
            async (i, token) => read[i] = await IdentityFacts.ReadEventAsync(table, list[i], token));
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
                ? IdentityPointers.ClearPointerAsync(identities, s, cancellationToken)
                : IdentityPointers.SettlePointerAsync(identities, s, commit.ProfileOf.GetValueOrDefault(s.Key), foundShared.Contains(s.Key), cancellationToken)));
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
        if (!(await table.GetEntityIfExistsAsync<TableEntity>(partition, row, IdentityPointers.PointerOnly, cancellationToken)).HasValue)
        {
            return false;
        }
        await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge, new TableEntity(partition, row) { [FactEntity.Unlinked] = unlinked }, ETag.All),
                IdentityPointers.Touch(identifier, row),
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
        var exists = (await table.GetEntityIfExistsAsync<TableEntity>(partition, row, IdentityPointers.PointerOnly, cancellationToken)).HasValue;
        if (!marked)
        {
            // The operator says it links people: whatever the graph found before is looked at again, from every event.
            await IdentityPointers.ForgetFoundSharedAsync(table, identifier, cancellationToken);
        }
        if (exists == marked)
        {
            return;
        }
        var change = marked
            ? new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row))
            : new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, row), ETag.All);
        await table.SubmitTransactionAsync([change, IdentityPointers.Touch(identifier, row)], cancellationToken);
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
        var pointer = await identities.GetEntityIfExistsAsync<TableEntity>(partition, row, IdentityPointers.PointerOnly, cancellationToken);
        return pointer.HasValue ? IdentityPointers.NonEmpty(pointer.Value!.GetString(IdentityPointers.ProfileIdProperty)) : null;
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

    private static async Task<TableEntity?> ReadIdentityAsync(TableClient table, string profileId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            IdentityEntity.PartitionKey(profileId), IdentityEntity.RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

}
