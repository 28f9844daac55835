using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using IntegrationHub.Infrastructure.Queues;

namespace IntegrationHub.Cli.Bench;

/// <summary>The storage work the hub does for one delivery (docs/storage.md, "Operations per delivery"), done straight
/// through the Azure SDK against the same account, as fast as it goes: intake loops archive (with the received-time
/// index row in the same transaction), enqueue (group-committed, as the hub does) and mark each delivery; receiver
/// loops take 32 messages at a time and, for each delivery they name, read the archive, do the identity graph's
/// requests for a returning person (a fact batch per identifier of the event, a range scan per identifier of the
/// person, the identity row read and written under its ETag, a pointer check per identifier), read and write the
/// profile with its ETag, upsert the timeline row and publish a profile change (group-committed), then delete the
/// message. No verification, normalisation, merging, graph computation or HTTP: what is left is what Azurite can do,
/// the ceiling the hub is held to.
/// Its tables and queue carry their own names, so it never touches the hub's data.</summary>
internal sealed class RawStorageBaseline(string connectionString, IReadOnlyList<BenchConnection> connections, IngestPlan plan, TimeProvider time)
{
    private const string Prefix = "rawbench";
    private const int Batch = 32;
    private const int MaxBacklog = 256;
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan EmptyPause = TimeSpan.FromMilliseconds(20);

    private readonly OperationCounter _operations = new();
    private long _processed;
    private long _intaken;

    public async Task<RawBaselineResult> RunAsync(TimeSpan duration, int concurrency, CancellationToken cancellationToken = default)
    {
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(_operations, HttpPipelinePosition.PerCall);
        var queueOptions = new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05);
        queueOptions.AddPolicy(_operations, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(connectionString, tableOptions);
        var store = new RawStore(
            tables.GetTableClient(Prefix + "deliveries"),
            tables.GetTableClient(Prefix + "identities"),
            tables.GetTableClient(Prefix + "profiles"),
            tables.GetTableClient(Prefix + "timeline"),
            new QueueServiceClient(connectionString, queueOptions).GetQueueClient(Prefix + "-deliveries"),
            new QueueServiceClient(connectionString, queueOptions).GetQueueClient(Prefix + "-profile-changed"));
        await store.CreateAsync(cancellationToken);

        var run = Guid.NewGuid().ToString("N")[..10];
        // A bounded number of deliveries waits in the queue, as in a hub that keeps up; a longer backlog only slows
        // Azurite's receive down.
        using var backlog = new SemaphoreSlim(MaxBacklog);
        using var stopIntake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopReceiving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = time.GetTimestamp();
        var baseOperations = _operations.Count;
        long next = -1;
        var intake = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stopIntake.IsCancellationRequested)
            {
                await backlog.WaitAsync(stopIntake.Token).ConfigureAwait(false);
                await IntakeAsync(store, run, Interlocked.Increment(ref next), stopIntake.Token);
                Interlocked.Increment(ref _intaken);
            }
        }, CancellationToken.None)).ToList();
        var receivers = Enumerable.Range(0, Math.Max(1, concurrency / 8)).Select(_ => Task.Run(async () =>
        {
            while (!stopReceiving.IsCancellationRequested)
            {
                var messages = await store.Queue.ReceiveMessagesAsync(Batch, Visibility, stopReceiving.Token);
                if (messages.Value.Length == 0)
                {
                    await Task.Delay(EmptyPause, time, stopReceiving.Token);
                }
                await Task.WhenAll(messages.Value.Select(async message =>
                    backlog.Release(await ProcessAsync(store, message, stopReceiving.Token))));
            }
        }, CancellationToken.None)).ToList();

        await Task.Delay(duration, time, cancellationToken);
        var processed = Interlocked.Read(ref _processed);
        var elapsed = time.GetElapsedTime(start);
        await stopIntake.CancelAsync();
        await SettleAsync(intake);
        // Let what was taken in finish, so operations per delivery count whole deliveries.
        var intaken = Interlocked.Read(ref _intaken);
        var drain = time.GetTimestamp();
        while (Interlocked.Read(ref _processed) < intaken && time.GetElapsedTime(drain) < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(EmptyPause, time, cancellationToken);
        }
        var operations = _operations.Count - baseOperations;
        var completed = Interlocked.Read(ref _processed);
        await stopReceiving.CancelAsync();
        await SettleAsync(receivers);
        return new RawBaselineResult(processed, elapsed, completed > 0 ? (double)operations / completed : 0);
    }

    private static async Task SettleAsync(IEnumerable<Task> loops)
    {
        foreach (var loop in loops)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
                // Stopped mid-operation; an intake stopped between its writes leaves a delivery nobody waits for.
            }
        }
    }

    /// <summary>Intake: archive insert, enqueue (group-committed like the hub's, so a queue message carries every
    /// delivery taken in while the previous one was written), mark enqueued.</summary>
    private async Task IntakeAsync(RawStore store, string run, long index, CancellationToken cancellationToken)
    {
        var connection = connections[(int)(index % connections.Count)];
        var person = Person(run, index);
        var deliveryId = $"raw_{run}_{index}";
        using var request = BenchDeliveries.Create(connection, deliveryId, person, time.GetUtcNow());
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var headers = JsonSerializer.Serialize(request.Headers.Concat(request.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value)));
        var received = time.GetUtcNow();
        await store.Deliveries.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(connection.Name, deliveryId)
                {
                    ["Provider"] = connection.Provider,
                    ["ReceivedAt"] = received,
                    ["Headers"] = headers,
                    ["Enqueued"] = false,
                    ["Body"] = body,
                }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(
                    connection.Name, $"%R{received.UtcTicks:D19}_{Hash(deliveryId)[..32]}") { ["DeliveryId"] = deliveryId }),
            ],
            cancellationToken);
        await store.Sends.AddAsync(JsonSerializer.Serialize(new { connection = connection.Name, deliveryId, person = person.Email }), cancellationToken);
        await store.Deliveries.UpdateEntityAsync(
            new TableEntity(connection.Name, deliveryId) { ["Enqueued"] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Processing: archive read, the identity graph's requests for a returning person, profile read and ETag
    /// write, timeline upsert, profile-changed publish, message delete.</summary>
    private async Task<int> ProcessAsync(RawStore store, QueueMessage message, CancellationToken cancellationToken)
    {
        using var parsed = JsonDocument.Parse(message.Body.ToString());
        var parts = parsed.RootElement.ValueKind == JsonValueKind.Array
            ? [.. parsed.RootElement.EnumerateArray()]
            : new[] { parsed.RootElement };
        await Task.WhenAll(parts.Select(part => ProcessOneAsync(
            store,
            part.GetProperty("connection").GetString()!,
            part.GetProperty("deliveryId").GetString()!,
            part.GetProperty("person").GetString()!,
            cancellationToken)));
        await store.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        Interlocked.Add(ref _processed, parts.Length);
        return parts.Length;
    }

    private async Task ProcessOneAsync(RawStore store, string connection, string deliveryId, string email, CancellationToken cancellationToken)
    {
        var archived = await store.Deliveries.GetEntityAsync<TableEntity>(connection, deliveryId, cancellationToken: cancellationToken);

        // The event's identifiers (k = 2), and the person's: their email and a record id on every connection.
        string[] eventKeys = [$"email:{email}", $"external:{connection}:{email}"];
        string[] personKeys = [eventKeys[0], .. connections.Select(c => $"external:{c.Name}:{email}")];
        var profileId = "p" + Hash(eventKeys[0])[..32];
        await Task.WhenAll(eventKeys.Select(key => store.Identities.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(IdentityPartition(key), Hash(key) + "_" + connection + ":" + deliveryId)
                {
                    ["Identifiers"] = JsonSerializer.Serialize(eventKeys),
                    ["Traits"] = archived.Value.GetString("Headers"),
                }),
                new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(IdentityPartition(key), Hash(key)) { ["LastEvent"] = deliveryId }),
            ],
            cancellationToken)));
        await Task.WhenAll(personKeys.Select(key => ScanAsync(store, key, cancellationToken)));
        await WriteIdentityAsync(store, profileId, deliveryId, cancellationToken);
        await Task.WhenAll(personKeys.Select(key => store.Identities.GetEntityIfExistsAsync<TableEntity>(
            IdentityPartition(key), Hash(key), ["ProfileId"], cancellationToken)));

        await WriteProfileAsync(store, profileId, email, archived.Value, cancellationToken);
        var at = archived.Value.GetDateTimeOffset("ReceivedAt") ?? time.GetUtcNow();
        await store.Timeline.UpsertEntityAsync(new TableEntity(profileId, $"{DateTimeOffset.MaxValue.Ticks - at.Ticks:D19}_{connection}:{deliveryId}")
        {
            ["Type"] = "profile.updated",
            ["SourceType"] = "contact.updated",
            ["Summary"] = "Contact updated",
            ["OccurredAt"] = at,
            ["Source"] = connection,
            ["Provider"] = archived.Value.GetString("Provider"),
            ["DeliveryId"] = deliveryId,
        }, TableUpdateMode.Replace, cancellationToken);
        await store.Changes.AddAsync(ProfileJson(profileId, email, archived.Value), cancellationToken);
    }

    /// <summary>One range scan of an identifier's rows: its pointer and its facts.</summary>
    private static async Task ScanAsync(RawStore store, string key, CancellationToken cancellationToken)
    {
        var (partition, sha) = (IdentityPartition(key), Hash(key));
        await foreach (var _ in store.Identities.QueryAsync<TableEntity>(
            $"PartitionKey eq '{partition}' and RowKey ge '{sha}' and RowKey lt '{sha}`'", maxPerPage: 1000, cancellationToken: cancellationToken))
        {
        }
    }

    /// <summary>The profile's identity row, read and written under its ETag (inserted the first time).</summary>
    private static Task WriteIdentityAsync(RawStore store, string profileId, string deliveryId, CancellationToken cancellationToken) =>
        ReplaceUnderETagAsync(store.Profiles, new TableEntity(profileId, "identity") { ["LastEvent"] = deliveryId }, cancellationToken);

    private static Task WriteProfileAsync(RawStore store, string profileId, string email, TableEntity delivery, CancellationToken cancellationToken) =>
        ReplaceUnderETagAsync(
            store.Profiles, new TableEntity(profileId, "profile") { ["Profile"] = ProfileJson(profileId, email, delivery) }, cancellationToken);

    /// <summary>Reads the row's version, then replaces it under that version (inserts it when there is none); another
    /// receiver writing first makes it read again, as the hub does.</summary>
    private static async Task ReplaceUnderETagAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Read again.
            }
        }
    }

    /// <summary>A profile of the size the hub stores: each field with its provenance.</summary>
    private static string ProfileJson(string profileId, string email, TableEntity delivery)
    {
        var source = delivery.PartitionKey;
        var at = (delivery.GetDateTimeOffset("ReceivedAt") ?? default).ToString("O", CultureInfo.InvariantCulture);
        object Field(string value) => new { value, source, sourceRecordId = email, sourceEventTime = at };
        return JsonSerializer.Serialize(new
        {
            id = profileId,
            fields = new { email = Field(email), firstName = Field("Ada"), lastName = Field("Lovelace"), phone = Field("+14155550100") },
            externalIds = new[] { $"{source}:{email}" },
            sources = new[] { source },
            updatedAt = at,
        });
    }

    private static string IdentityPartition(string key) => key[..key.IndexOf(':', StringComparison.Ordinal)] + "-" + Hash(key)[..2];

    private static string Hash(string value) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));

    private BenchPerson Person(string run, long index)
    {
        var number = plan.PersonOf(index);
        return BenchPerson.For(run, number.ToString(CultureInfo.InvariantCulture), number);
    }

    private sealed record RawStore(
        TableClient Deliveries, TableClient Identities, TableClient Profiles, TableClient Timeline, QueueClient Queue, QueueClient ChangeQueue)
    {
        public GroupCommit Sends { get; } = GroupSends(Queue);

        public GroupCommit Changes { get; } = GroupSends(ChangeQueue);

        private static GroupCommit GroupSends(QueueClient queue) => new(
            async batch => await queue.SendMessageAsync(
                GroupCommit.Body(batch), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1)),
            StorageDeliveryQueue.MaxPerMessage, StorageDeliveryQueue.MaxMessageBytes);

        public async Task CreateAsync(CancellationToken cancellationToken)
        {
            foreach (var table in new[] { Deliveries, Identities, Profiles, Timeline })
            {
                await table.CreateIfNotExistsAsync(cancellationToken);
            }
            await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await ChangeQueue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
