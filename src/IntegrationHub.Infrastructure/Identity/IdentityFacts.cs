using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>The facts of the graph: one row per event under each identifier it carries, written with a touch of the
/// identifier's pointer, and read back whole when a profile is rebuilt.</summary>
internal static class IdentityFacts
{
    private const int MaxFactAttempts = 10;

    /// <summary>Inserts the fact with a touch of the identifier's pointer; a redelivery finds the row and, when its
    /// reading adds identifiers or changes the traits, replaces it (keeping the operator's unlink). Returns the event
    /// as the row now holds it.</summary>
    public static async Task<IdentityEvent> WriteFactAsync(
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
                        IdentityPointers.Touch(key, row),
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
                            IdentityPointers.Touch(key, row),
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

    public static async Task<StoredEvent> ReadEventAsync(TableClient table, IdentityEvent e, CancellationToken cancellationToken)
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
}
