using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace IntegrationHub.Infrastructure.Profiles;

/// <summary>Unified profiles on Azure Tables, one entity per profile holding it as JSON. Updates use optimistic
/// concurrency (ARCHITECTURE.md decision 4): a writer that loses the race re-reads and re-applies its change.</summary>
public sealed partial class TableProfileStore : IProfileStore
{
    public const int MaxAttempts = 10;

    private readonly StorageResources _storage;
    private readonly ILogger<TableProfileStore> _logger;
    private readonly ResiliencePipeline _conflicts;

    public TableProfileStore(StorageResources storage, TimeProvider time, ILogger<TableProfileStore> logger)
    {
        _storage = storage;
        _logger = logger;
        _conflicts = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(IsConflict),
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(500),
                UseJitter = true,
            })
            .Build();
    }

    public async Task<UnifiedProfile?> GetAsync(string profileId, CancellationToken cancellationToken = default)
    {
        var table = await _storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        var entity = await FindAsync(table, PartitionKey(profileId), cancellationToken);
        return entity is null ? null : Deserialize(ProfileEntity.Json(entity));
    }

    public async Task<UnifiedProfile> UpdateAsync(
        string profileId, Func<UnifiedProfile, UnifiedProfile> update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var table = await _storage.TableAsync(StorageNames.ProfilesTable, cancellationToken);
        var partitionKey = PartitionKey(profileId);
        try
        {
            return await _conflicts.ExecuteAsync(
                async token => await TryUpdateAsync(table, partitionKey, profileId, update, token), cancellationToken);
        }
        catch (RequestFailedException e) when (IsConflict(e))
        {
            LogGaveUp(profileId, MaxAttempts);
            throw new ProfileUpdateConflictException(profileId, MaxAttempts, e);
        }
    }

    private static async Task<UnifiedProfile> TryUpdateAsync(
        TableClient table, string partitionKey, string profileId, Func<UnifiedProfile, UnifiedProfile> update, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(table, partitionKey, cancellationToken);
        var storedJson = entity is null ? null : ProfileEntity.Json(entity);
        var current = storedJson is null ? UnifiedProfile.Empty(profileId) : Deserialize(storedJson);
        var updated = update(current);
        if (updated.Id != profileId)
        {
            throw new InvalidOperationException($"An update of profile '{profileId}' returned profile '{updated.Id}'.");
        }
        var json = JsonSerializer.Serialize(updated, StorageJson.Options);
        if (json == storedJson)
        {
            return updated;
        }
        var replacement = ProfileEntity.Create(partitionKey, profileId, json);
        if (entity is null)
        {
            await table.AddEntityAsync(replacement, cancellationToken);
        }
        else
        {
            await table.UpdateEntityAsync(replacement, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        return updated;
    }

    private static async Task<TableEntity?> FindAsync(TableClient table, string partitionKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, ProfileEntity.RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static UnifiedProfile Deserialize(string json) =>
        JsonSerializer.Deserialize<UnifiedProfile>(json, StorageJson.Options)
        ?? throw new InvalidOperationException("A stored profile is empty JSON.");

    private static string PartitionKey(string profileId) => TableKeys.For(profileId, nameof(profileId));

    /// <summary>409: someone added the profile first; 412: someone replaced it since our read.</summary>
    private static bool IsConflict(RequestFailedException e) => e.Status is 409 or 412;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up updating profile {ProfileId} after {Attempts} conflicting attempts")]
    private partial void LogGaveUp(string profileId, int attempts);
}
