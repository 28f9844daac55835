using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>The delivery archive on Azure Tables: one entity per delivery (partition = connection, row = delivery id),
/// with the body inline up to 48 KiB and in blob <c>deliveries/{connection}/{escaped id}</c> above that. The blob is
/// written before the entity, so an entity never points at a missing blob. Each delivery's <see cref="ReceivedIndex"/>
/// row is inserted in the same transaction, so the index and the archive never disagree.</summary>
public sealed partial class TableDeliveryArchive(StorageResources storage, ILogger<TableDeliveryArchive> logger) : IDeliveryArchive
{
    public async Task<ArchiveOutcome> AddAsync(ArchivedDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var partitionKey = TableKeys.For(delivery.Connection, nameof(delivery.Connection));
        var rowKey = TableKeys.For(delivery.DeliveryId, nameof(delivery.DeliveryId));
        var headers = JsonSerializer.Serialize(delivery.Headers, StorageJson.Options);
        if (headers.Length > DeliveryEntity.MaxStringLength)
        {
            throw new StorageLimitExceededException(
                $"The delivery's headers are {headers.Length} characters as JSON; a table string property holds at most {DeliveryEntity.MaxStringLength}.");
        }
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var entity = new TableEntity(partitionKey, rowKey)
        {
            [DeliveryEntity.Provider] = delivery.Provider,
            [DeliveryEntity.ReceivedAt] = delivery.ReceivedAt,
            [DeliveryEntity.Headers] = headers,
            [DeliveryEntity.Enqueued] = false,
        };
        if (delivery.Body.Length > DeliveryEntity.MaxInlineBody)
        {
            if (await FindAsync(table, partitionKey, rowKey, cancellationToken) is { } existing)
            {
                return Outcome(existing);
            }
            entity[DeliveryEntity.BodyBlob] = await WriteBlobAsync(partitionKey, rowKey, delivery.Body, cancellationToken);
        }
        else if (delivery.Body.Length > 0)
        {
            entity[DeliveryEntity.Body] = delivery.Body.ToArray();
        }

        var index = new TableEntity(partitionKey, ReceivedIndex.RowKey(delivery.ReceivedAt, delivery.DeliveryId))
        {
            [ReceivedIndex.DeliveryId] = delivery.DeliveryId,
        };
        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, entity), new TableTransactionAction(TableTransactionActionType.Add, index)],
                cancellationToken);
            return ArchiveOutcome.Added;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await FindAsync(table, partitionKey, rowKey, cancellationToken)
                ?? throw new InvalidOperationException($"Delivery '{delivery.DeliveryId}' conflicted but cannot be read.", e);
            return Outcome(existing);
        }
    }

    public async Task MarkEnqueuedAsync(string connection, string deliveryId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var entity = new TableEntity(TableKeys.For(connection, nameof(connection)), TableKeys.For(deliveryId, nameof(deliveryId)))
        {
            [DeliveryEntity.Enqueued] = true,
        };
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new DeliveryNotFoundException(connection, deliveryId);
        }
    }

    public async Task<ArchivedDelivery?> GetAsync(string connection, string deliveryId, CancellationToken cancellationToken = default)
    {
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var partitionKey = TableKeys.For(connection, nameof(connection));
        var rowKey = TableKeys.For(deliveryId, nameof(deliveryId));
        if (await FindAsync(table, partitionKey, rowKey, cancellationToken) is not { } entity)
        {
            return null;
        }
        var body = entity.GetString(DeliveryEntity.BodyBlob) is { } blobName
            ? await ReadBlobAsync(blobName, cancellationToken)
            : entity.GetBinary(DeliveryEntity.Body) ?? [];
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(entity.GetString(DeliveryEntity.Headers) ?? "{}", StorageJson.Options)
            ?? [];
        return new ArchivedDelivery(
            connection,
            entity.GetString(DeliveryEntity.Provider) ?? "",
            deliveryId,
            entity.GetDateTimeOffset(DeliveryEntity.ReceivedAt) ?? default,
            new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase),
            body);
    }

    public async Task<DeliveryIdPage> ListReceivedAsync(
        string connection,
        DateTimeOffset receivedFrom,
        DateTimeOffset receivedBefore,
        int pageSize,
        string? cursor,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        if (cursor is not null && !ReceivedIndex.IsIndexKey(cursor))
        {
            throw new ArgumentException("The cursor is not one this archive returned.", nameof(cursor));
        }
        var table = await storage.TableAsync(StorageNames.DeliveriesTable, cancellationToken);
        var partitionKey = TableKeys.For(connection, nameof(connection));
        var lower = ReceivedIndex.Bound(receivedFrom);
        var upper = ReceivedIndex.Bound(receivedBefore);
        var filter = cursor is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {lower} and RowKey lt {upper}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey gt {cursor} and RowKey lt {upper}");
        var ids = new List<string>(pageSize);
        string? last = null;
        await foreach (var row in table.QueryAsync<TableEntity>(
                           filter, pageSize, [nameof(TableEntity.RowKey), ReceivedIndex.DeliveryId], cancellationToken))
        {
            ids.Add(row.GetString(ReceivedIndex.DeliveryId) ?? "");
            last = row.RowKey;
            if (ids.Count == pageSize)
            {
                return new DeliveryIdPage(ids, last);
            }
        }
        return new DeliveryIdPage(ids, null);
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static ArchiveOutcome Outcome(TableEntity existing) =>
        existing.GetBoolean(DeliveryEntity.Enqueued) == true ? ArchiveOutcome.ExistsEnqueued : ArchiveOutcome.ExistsNotEnqueued;

    private async Task<string> WriteBlobAsync(string partitionKey, string rowKey, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.DeliveriesContainer, cancellationToken);
        var name = $"{partitionKey}/{rowKey}";
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(body), overwrite: true, cancellationToken);
        LogBodyInBlob(partitionKey, body.Length);
        return name;
    }

    private async Task<byte[]> ReadBlobAsync(string name, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(StorageNames.DeliveriesContainer, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new InvalidOperationException($"The archived body blob '{name}' is missing.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Archived a {Length}-byte body on {Connection} in a blob")]
    private partial void LogBodyInBlob(string connection, int length);
}
