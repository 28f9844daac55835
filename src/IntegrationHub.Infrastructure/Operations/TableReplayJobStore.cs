using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;
using Polly;

namespace IntegrationHub.Infrastructure.Operations;

/// <summary>Replay jobs on Azure Tables: one partition (jobs are few, started by people), RowKey = the job id, whose
/// reversed-time prefix lists the newest first. Updates use the ETag, so a cancel and the workflow's progress never
/// overwrite each other.</summary>
public sealed class TableReplayJobStore : IReplayJobStore
{
    private const string Partition = "replay";
    private const int MaxAttempts = 10;

    private readonly StorageResources _storage;
    private readonly ResiliencePipeline _conflicts;

    public TableReplayJobStore(StorageResources storage, TimeProvider time)
    {
        _storage = storage;
        _conflicts = ConflictRetry.Pipeline(time, MaxAttempts, 409, 412);
    }

    public async Task AddAsync(ReplayJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var table = await _storage.TableAsync(StorageNames.ReplaysTable, cancellationToken);
        await table.AddEntityAsync(ToEntity(job), cancellationToken);
    }

    public async Task<ReplayJob?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await _storage.TableAsync(StorageNames.ReplaysTable, cancellationToken);
        return await FindAsync(table, id, cancellationToken) is { } entity ? ToJob(entity) : null;
    }

    public async Task<ReplayJobPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var table = await _storage.TableAsync(StorageNames.ReplaysTable, cancellationToken);
        var (rows, next) = await PartitionPages.ReadAsync(table, Partition, pageSize, continuation, cancellationToken);
        return new ReplayJobPage([.. rows.Select(ToJob)], next);
    }

    public async Task<ReplayJob?> UpdateAsync(string id, Func<ReplayJob, ReplayJob> update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var table = await _storage.TableAsync(StorageNames.ReplaysTable, cancellationToken);
        return await _conflicts.ExecuteAsync(async token =>
        {
            if (await FindAsync(table, id, token) is not { } entity)
            {
                return null;
            }
            var current = ToJob(entity);
            var updated = update(current);
            if (updated.Id != current.Id)
            {
                throw new InvalidOperationException($"An update of replay job '{id}' returned job '{updated.Id}'.");
            }
            if (updated != current)
            {
                await table.UpdateEntityAsync(ToEntity(updated), entity.ETag, TableUpdateMode.Replace, token);
            }
            return updated;
        }, cancellationToken);
    }

    /// <summary>Errors are cut well before a string property's 32K characters.</summary>
    private const int ErrorLimit = 4096;

    private static async Task<TableEntity?> FindAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.For(id, "replay job id"), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(ReplayJob job) => new(Partition, TableKeys.For(job.Id, "replay job id"))
    {
        [nameof(ReplayJob.Connection)] = job.Connection,
        [nameof(ReplayJob.From)] = job.From.ToUniversalTime(),
        [nameof(ReplayJob.To)] = job.To.ToUniversalTime(),
        [nameof(ReplayJob.Status)] = job.Status,
        [nameof(ReplayJob.Found)] = job.Found,
        [nameof(ReplayJob.Enqueued)] = job.Enqueued,
        [nameof(ReplayJob.CreatedAt)] = job.CreatedAt.ToUniversalTime(),
        [nameof(ReplayJob.StartedAt)] = job.StartedAt?.ToUniversalTime(),
        [nameof(ReplayJob.FinishedAt)] = job.FinishedAt?.ToUniversalTime(),
        [nameof(ReplayJob.Error)] = job.Error is { Length: > ErrorLimit } error ? error[..ErrorLimit] : job.Error,
        [nameof(ReplayJob.Cursor)] = job.Cursor,
    };

    private static ReplayJob ToJob(TableEntity entity) => new(
        TableKeys.Unescape(entity.RowKey),
        entity.GetString(nameof(ReplayJob.Connection)) ?? "",
        entity.GetDateTimeOffset(nameof(ReplayJob.From)) ?? default,
        entity.GetDateTimeOffset(nameof(ReplayJob.To)) ?? default,
        entity.GetString(nameof(ReplayJob.Status)) ?? "",
        entity.GetInt64(nameof(ReplayJob.Found)) ?? 0,
        entity.GetInt64(nameof(ReplayJob.Enqueued)) ?? 0,
        entity.GetDateTimeOffset(nameof(ReplayJob.CreatedAt)) ?? default,
        entity.GetDateTimeOffset(nameof(ReplayJob.StartedAt)),
        entity.GetDateTimeOffset(nameof(ReplayJob.FinishedAt)),
        entity.GetString(nameof(ReplayJob.Error)),
        entity.GetString(nameof(ReplayJob.Cursor)));
}
