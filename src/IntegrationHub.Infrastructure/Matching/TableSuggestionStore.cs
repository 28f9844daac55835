using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;
using Polly;

namespace IntegrationHub.Infrastructure.Matching;

/// <summary>Suggestions on Azure Tables (<c>suggestions</c>): one partition, RowKey <c>0_{id}</c> while pending and
/// <c>1_{id}</c> once decided, so a partition scan lists the review queue first. A decision moves the row in one
/// entity-group transaction (delete the pending row against its ETag, insert the decided one), so a pair is never both
/// pending and decided and two decisions never both win.</summary>
public sealed class TableSuggestionStore : ISuggestionStore
{
    private const string Partition = "suggestion";
    private const string PendingPrefix = "0_";
    private const string DecidedPrefix = "1_";
    private const int MaxAttempts = 10;

    private readonly StorageResources _storage;
    private readonly ResiliencePipeline _conflicts;

    public TableSuggestionStore(StorageResources storage, TimeProvider time)
    {
        _storage = storage;
        // 404: the pending row a decision or update read was moved by another writer first; read again.
        _conflicts = ConflictRetry.Pipeline(time, MaxAttempts, 404, 409, 412);
    }

    public async Task<MatchSuggestion?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var (pending, decided) = await ReadAsync(table, id, cancellationToken);
        return (decided ?? pending) is { } entity ? ToSuggestion(entity) : null;
    }

    public async Task<SuggestionPage> ListAsync(int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        var (rows, next) = await PartitionPages.ReadAsync(table, Partition, pageSize, continuation, cancellationToken);
        return new SuggestionPage([.. rows.Select(ToSuggestion)], next);
    }

    public async Task<MatchSuggestion> RecordAsync(MatchSuggestion scored, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scored);
        var table = await TableAsync(cancellationToken);
        return await _conflicts.ExecuteAsync(async token =>
        {
            var (pending, decided) = await ReadAsync(table, scored.Id, token);
            if (decided is not null)
            {
                return ToSuggestion(decided);
            }
            var known = pending is null ? null : ToSuggestion(pending);
            if (known is not null && known.Status == scored.Status && known.MatchWeight.Equals(scored.MatchWeight))
            {
                return known;
            }
            var recorded = known is null ? scored : scored with { CreatedAt = known.CreatedAt };
            if (SuggestionStatus.IsDecided(scored.Status))
            {
                await MoveAsync(table, pending, recorded, token);
            }
            else if (pending is null)
            {
                await table.AddEntityAsync(ToEntity(recorded), token);
            }
            else
            {
                await table.UpdateEntityAsync(ToEntity(recorded), pending.ETag, TableUpdateMode.Replace, token);
            }
            return recorded;
        }, cancellationToken);
    }

    public async Task<MatchSuggestion?> DecideAsync(string id, string status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken);
        return await _conflicts.ExecuteAsync(async token =>
        {
            var (pending, decided) = await ReadAsync(table, id, token);
            if (pending is null || decided is not null)
            {
                return (decided ?? pending) is { } entity ? ToSuggestion(entity) : null;
            }
            var moved = ToSuggestion(pending) with { Status = status, DecidedAt = at };
            await MoveAsync(table, pending, moved, token);
            return moved;
        }, cancellationToken);
    }

    /// <summary>Pending first, then decided: a decision racing this read shows up in the second, never in neither.</summary>
    private static async Task<(TableEntity? Pending, TableEntity? Decided)> ReadAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var pending = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(PendingPrefix, id), cancellationToken: cancellationToken);
        var decided = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Key(DecidedPrefix, id), cancellationToken: cancellationToken);
        return (pending.HasValue ? pending.Value : null, decided.HasValue ? decided.Value : null);
    }

    private static async Task MoveAsync(TableClient table, TableEntity? pending, MatchSuggestion decided, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(2);
        if (pending is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, pending, pending.ETag));
        }
        actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(decided)));
        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        _storage.TableAsync(StorageNames.SuggestionsTable, cancellationToken);

    private static string Key(string prefix, string id) => prefix + TableKeys.For(id, "suggestion id");

    private static TableEntity ToEntity(MatchSuggestion suggestion) =>
        new(Partition, Key(SuggestionStatus.IsDecided(suggestion.Status) ? DecidedPrefix : PendingPrefix, suggestion.Id))
        {
            [nameof(MatchSuggestion.ProfileA)] = suggestion.ProfileA,
            [nameof(MatchSuggestion.ProfileB)] = suggestion.ProfileB,
            [nameof(MatchSuggestion.Probability)] = suggestion.Probability,
            [nameof(MatchSuggestion.MatchWeight)] = suggestion.MatchWeight,
            [nameof(MatchSuggestion.Explanation)] = JsonSerializer.Serialize(suggestion.Explanation, StorageJson.Options),
            [nameof(MatchSuggestion.Status)] = suggestion.Status,
            [nameof(MatchSuggestion.CreatedAt)] = suggestion.CreatedAt.ToUniversalTime(),
            [nameof(MatchSuggestion.DecidedAt)] = suggestion.DecidedAt?.ToUniversalTime(),
        };

    private static MatchSuggestion ToSuggestion(TableEntity entity) => new(
        TableKeys.Unescape(entity.RowKey[DecidedPrefix.Length..]),
        entity.GetString(nameof(MatchSuggestion.ProfileA)) ?? "",
        entity.GetString(nameof(MatchSuggestion.ProfileB)) ?? "",
        entity.GetDouble(nameof(MatchSuggestion.Probability)) ?? 0,
        entity.GetDouble(nameof(MatchSuggestion.MatchWeight)) ?? 0,
        JsonSerializer.Deserialize<MatchExplanation>(entity.GetString(nameof(MatchSuggestion.Explanation)) ?? "null", StorageJson.Options)
            ?? new MatchExplanation(0, [], 0, 0),
        entity.GetString(nameof(MatchSuggestion.Status)) ?? SuggestionStatus.Pending,
        entity.GetDateTimeOffset(nameof(MatchSuggestion.CreatedAt)) ?? default,
        entity.GetDateTimeOffset(nameof(MatchSuggestion.DecidedAt)));
}
