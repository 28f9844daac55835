using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>An identifier's pointer row in the <c>identities</c> table (docs/identity.md, "What the pipeline persists"):
/// the profile it links to, touched by every new fact so its version moves, checked or rewritten by every commit that
/// read it, and flagged when the identifier is shared.</summary>
internal static class IdentityPointers
{
    public const string ProfileIdProperty = "ProfileId";

    /// <summary>On a pointer: the graph found the identifier shared (it would join more profiles than
    /// <see cref="IdentityOptions.MaxProfilesPerIdentifier"/> allows), or a load found it past
    /// <see cref="IdentityOptions.MaxEventsPerIdentifier"/>. From then on it is loaded like an overloaded one — not
    /// followed, its facts not read, its pointer not checked — so a phone number many people give costs each of them one
    /// scan, not a load of everyone who ever gave it (docs/identity.md, "Limits"). Set and cleared in the same batch as
    /// the <see cref="SharedIdentifierCount"/> of its partition.</summary>
    public const string SharedProperty = "Shared";

    private const string LastEventProperty = "LastEvent";

    public static readonly string[] PointerOnly = [ProfileIdProperty];
    public static readonly string[] PointerColumns = [ProfileIdProperty, SharedProperty];

    /// <summary>Clears the pointer's <c>Shared</c> flag and lowers the partition's count in the same batch, against the
    /// versions read, so a flag is uncounted once however many operators clear it at once.</summary>
    public static Task ForgetFoundSharedAsync(TableClient table, IdentityKey identifier, CancellationToken cancellationToken)
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

    /// <summary>Changes the pointer's version without touching its profile id: a new fact for this identifier.</summary>
    public static TableTransactionAction Touch(IdentityKey key, string factRow) => new(
        TableTransactionActionType.UpsertMerge,
        new TableEntity(IdentityRows.PartitionKey(key), IdentityRows.Pointer(key)) { [LastEventProperty] = factRow });

    /// <summary>Rewrites the pointer if its profile changed or the graph found it shared (recorded on it), or checks it
    /// kept the version the snapshot read: either way, a fact written under it since the load makes this fail with 412 (or 409 for a pointer read as absent).</summary>
    public static async Task SettlePointerAsync(
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
    public static async Task ClearPointerAsync(TableClient table, KeyScan scan, CancellationToken cancellationToken)
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

    public static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
