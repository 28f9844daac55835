using Azure;
using Azure.Data.Tables;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>Each connection's <see cref="SweepWatermark"/>: one row, <c>%W</c>, in the connection's partition of the
/// <c>deliveries</c> table (no escaped delivery id and no received-index key can be <c>%W</c>). Virtual, so a host's
/// trigger can be tested without storage.</summary>
public class SweepWatermarks(StorageResources storage)
{
    internal const string RowKey = "%W";
    private const string SweptBeforeProperty = "SweptBefore";

    /// <summary>The connection's watermark, or null when no sweep has set one yet.</summary>
    public virtual async Task<SweepWatermark?> ReadAsync(string connection, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.For(connection, nameof(connection)), RowKey, [SweptBeforeProperty], cancellationToken);
        return row.HasValue && row.Value!.GetDateTimeOffset(SweptBeforeProperty) is { } sweptBefore
            ? new SweepWatermark(sweptBefore, row.Value.ETag)
            : null;
    }

    /// <summary>Moves the watermark to <paramref name="sweptBefore"/> if it is still the version read (inserts it when
    /// none was read). False when another sweep moved it first: that sweep covered the same deliveries.</summary>
    public virtual async Task<bool> TryAdvanceAsync(
        string connection, SweepWatermark? read, DateTimeOffset sweptBefore, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var entity = new TableEntity(TableKeys.For(connection, nameof(connection)), RowKey) { [SweptBeforeProperty] = sweptBefore };
        try
        {
            if (read is null)
            {
                await table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await table.UpdateEntityAsync(entity, read.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
