using System.Collections.Concurrent;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Archive;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Archive;

/// <summary>The Functions app's periodic sweep: only what arrived since the connection's watermark is read.</summary>
public sealed class WatermarkSweepTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Mark = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Before = Mark.AddMinutes(5);

    private readonly ConcurrentQueue<DeliveryMessage> _sent = new();

    [Fact]
    public async Task SweepSinceWatermarkAsync_UnqueuedAndQueuedInTheWindow_QueuesOnlyTheUnqueuedOneOnce()
    {
        // Arrange
        var archive = Storage.Get<IDeliveryArchive>();
        await Storage.Get<SweepWatermarks>().TryAdvanceAsync("shop", null, Mark);
        await archive.AddAsync(Delivery("shop", "stranded/1", Mark.AddMinutes(1)));
        await archive.AddAsync(Delivery("shop", "queued", Mark.AddMinutes(2)));
        await archive.MarkEnqueuedAsync("shop", "queued");
        await archive.AddAsync(Delivery("shop", "arriving", Before));
        await archive.AddAsync(Delivery("crm", "elsewhere", Mark.AddMinutes(1)));
        var sut = CreateSut(Storage);

        // Act
        var first = await sut.SweepSinceWatermarkAsync("shop", Before);
        var second = await sut.SweepSinceWatermarkAsync("shop", Before);

        // Assert
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Equal([new DeliveryMessage("shop", "stranded/1")], _sent);
        Assert.Equal([], await UnqueuedAsync("shop", "stranded/1", "queued"));
        Assert.Equal(["arriving"], await UnqueuedAsync("shop", "arriving"));
    }

    [Fact]
    public async Task SweepSinceWatermarkAsync_EachRun_MovesTheWatermarkToItsEnd()
    {
        // Arrange
        var watermarks = Storage.Get<SweepWatermarks>();
        await watermarks.TryAdvanceAsync("shop", null, Mark);
        var sut = CreateSut(Storage);

        // Act
        await sut.SweepSinceWatermarkAsync("shop", Before);
        var afterFirst = await watermarks.ReadAsync("shop");
        await sut.SweepSinceWatermarkAsync("shop", Before.AddMinutes(5));
        var afterSecond = await watermarks.ReadAsync("shop");
        await sut.SweepSinceWatermarkAsync("shop", Before.AddMinutes(1));
        var afterEarlierEnd = await watermarks.ReadAsync("shop");

        // Assert: never backwards (a sweeping instance whose clock lags leaves it where it is).
        Assert.Equal(Before, afterFirst!.SweptBefore);
        Assert.Equal(Before.AddMinutes(5), afterSecond!.SweptBefore);
        Assert.Equal(Before.AddMinutes(5), afterEarlierEnd!.SweptBefore);
        Assert.Null(await watermarks.ReadAsync("crm"));
    }

    [Fact]
    public async Task SweepSinceWatermarkAsync_UnqueuedDeliveryOlderThanTheWatermark_IsNotReadAgain()
    {
        // Arrange: rows a sweep would queue if it read them; only the one within the overlap is re-read.
        var archive = Storage.Get<IDeliveryArchive>();
        await Storage.Get<SweepWatermarks>().TryAdvanceAsync("shop", null, Mark);
        await archive.AddAsync(Delivery("shop", "long-ago", Mark - UnqueuedDeliverySweep.Overlap - TimeSpan.FromTicks(1)));
        await archive.AddAsync(Delivery("shop", "within-overlap", Mark - UnqueuedDeliverySweep.Overlap));
        var sut = CreateSut(Storage);

        // Act
        await sut.SweepSinceWatermarkAsync("shop", Before);

        // Assert
        Assert.Equal([new DeliveryMessage("shop", "within-overlap")], _sent);
        Assert.Equal(["long-ago"], await UnqueuedAsync("shop", "long-ago", "within-overlap"));
    }

    [Fact]
    public async Task SweepSinceWatermarkAsync_NoWatermarkYet_ScansTheWholePartitionOnceThenSetsIt()
    {
        // Arrange: received a day before the first sweep.
        var archive = Storage.Get<IDeliveryArchive>();
        await archive.AddAsync(Delivery("shop", "old", Mark.AddDays(-1)));
        var sut = CreateSut(Storage);

        // Act
        var queued = await sut.SweepSinceWatermarkAsync("shop", Before);

        // Assert
        Assert.Equal(1, queued);
        Assert.Equal([new DeliveryMessage("shop", "old")], _sent);
        Assert.Equal(Before, (await Storage.Get<SweepWatermarks>().ReadAsync("shop"))!.SweptBefore);
    }

    [Fact]
    public async Task SweepSinceWatermarkAsync_TwoInstancesAtOnce_EveryDeliveryQueuedAtLeastOnceAtMostTwiceAndOneWatermark()
    {
        // Arrange: two instances, each with its own storage clients, on the same storage.
        await using var other = await StorageHost.StartAsync(Azurite.ConnectionString, Storage.Prefix);
        var archive = Storage.Get<IDeliveryArchive>();
        await Storage.Get<SweepWatermarks>().TryAdvanceAsync("shop", null, Mark);
        var ids = Enumerable.Range(0, 40).Select(i => $"stranded-{i:D2}").ToList();
        await Parallel.ForEachAsync(ids, async (id, token) =>
            await archive.AddAsync(Delivery("shop", id, Mark.AddSeconds(ids.IndexOf(id))), token));
        var (one, two) = (CreateSut(Storage), CreateSut(other));

        // Act
        await Task.WhenAll(
            Task.Run(() => one.SweepSinceWatermarkAsync("shop", Before)),
            Task.Run(() => two.SweepSinceWatermarkAsync("shop", Before)));
        var third = await one.SweepSinceWatermarkAsync("shop", Before);

        // Assert: a copy queued by both is processed idempotently (and dropped by Service Bus's duplicate detection).
        var counts = _sent.GroupBy(m => m.DeliveryId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ids, counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, c => Assert.InRange(c, 1, 2));
        Assert.Equal([], await UnqueuedAsync("shop", [.. ids]));
        Assert.Equal(0, third);
        Assert.Equal(Before, (await Storage.Get<SweepWatermarks>().ReadAsync("shop"))!.SweptBefore);
    }

    private UnqueuedDeliverySweep CreateSut(StorageHost storage) => new(
        storage.Get<UnqueuedDeliveries>(), storage.Get<SweepWatermarks>(), storage.Get<IDeliveryArchive>(), new RecordingQueue(_sent));

    /// <summary>Which of <paramref name="ids"/> the archive still holds as never queued.</summary>
    private async Task<List<string>> UnqueuedAsync(string connection, params string[] ids)
    {
        var unqueued = new List<string>();
        await foreach (var id in Storage.Get<UnqueuedDeliveries>().ListAsync(connection, Before.AddDays(1)))
        {
            unqueued.Add(id);
        }
        return [.. ids.Where(unqueued.Contains)];
    }

    private static ArchivedDelivery Delivery(string connection, string id, DateTimeOffset receivedAt) =>
        new(connection, "standard-webhooks", id, receivedAt, new Dictionary<string, string>(), "{}"u8.ToArray());

    private sealed class RecordingQueue(ConcurrentQueue<DeliveryMessage> sent) : IDeliveryQueue
    {
        public Task EnqueueAsync(DeliveryMessage message, CancellationToken cancellationToken = default)
        {
            sent.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
