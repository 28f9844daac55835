using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Operations;

/// <summary>Dead letters on Azure Tables: one partition (dead letters are few and read together by operators), RowKey =
/// the dead letter's id, so a delivery that fails again replaces its earlier entry.</summary>
public sealed class TableDeadLetterStore(StorageResources storage) : IDeadLetterStore
{
    private const string Partition = "deadletter";

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var table = await storage.TableAsync(StorageNames.DeadLettersTable, cancellationToken);
        var description = deadLetter.Description.Length > DescriptionLimit ? deadLetter.Description[..DescriptionLimit] : deadLetter.Description;
        await table.UpsertEntityAsync(
            new TableEntity(Partition, deadLetter.Id)
            {
                [nameof(DeadLetter.Connection)] = deadLetter.Connection,
                [nameof(DeadLetter.DeliveryId)] = deadLetter.DeliveryId,
                [nameof(DeadLetter.Reason)] = deadLetter.Reason,
                [nameof(DeadLetter.Description)] = description,
                [nameof(DeadLetter.Attempts)] = deadLetter.Attempts,
                [nameof(DeadLetter.DeadLetteredAt)] = deadLetter.DeadLetteredAt.ToUniversalTime(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task<DeadLetterPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeadLettersTable, cancellationToken);
        var (rows, next) = await PartitionPages.ReadAsync(table, Partition, pageSize, continuation, cancellationToken);
        return new DeadLetterPage([.. rows.Select(ToDeadLetter)], next);
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(id))
        {
            return null;
        }
        var table = await storage.TableAsync(StorageNames.DeadLettersTable, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return entity.HasValue ? ToDeadLetter(entity.Value!) : null;
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeadLettersTable, cancellationToken);
        await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken);
    }

    /// <summary>A string property holds 32K UTF-16 characters; descriptions are cut well before that.</summary>
    private const int DescriptionLimit = 4096;

    /// <summary>Ids are 32 lowercase hex digits (see <see cref="IntegrationHub.Core.Operations.DeadLetters.IdFor"/>).</summary>
    private static bool IsWellFormed(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static DeadLetter ToDeadLetter(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString(nameof(DeadLetter.Connection)) ?? "",
        entity.GetString(nameof(DeadLetter.DeliveryId)) ?? "",
        entity.GetString(nameof(DeadLetter.Reason)) ?? "",
        entity.GetString(nameof(DeadLetter.Description)) ?? "",
        entity.GetInt64(nameof(DeadLetter.Attempts)) ?? 0,
        entity.GetDateTimeOffset(nameof(DeadLetter.DeadLetteredAt)) ?? default);
}
