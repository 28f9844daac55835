using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using IntegrationHub.Infrastructure.Queues;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Operations;

/// <summary>The replay job store on Azure Tables, and a whole replay over the real archive, job store and queue.</summary>
public sealed class ReplaysTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset From = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(1);

    [Fact]
    public async Task AddAsync_Job_RoundTripsWithItsCursor()
    {
        // Arrange
        var store = Storage.Get<IReplayJobStore>();
        var job = Job(From) with
        {
            Status = ReplayStatus.Failed, Found = 3, Enqueued = 2, StartedAt = From.AddMinutes(1), FinishedAt = From.AddMinutes(2),
            Error = "the queue did not answer", Cursor = "%R0639000000000000000_0123",
        };

        // Act
        await store.AddAsync(job);

        // Assert
        Assert.Equal(job, await store.GetAsync(job.Id));
        Assert.Null(await store.GetAsync(ReplayJobIds.New(From)));
    }

    [Fact]
    public async Task ListAsync_ThreeJobs_NewestFirstInPages()
    {
        // Arrange
        var store = Storage.Get<IReplayJobStore>();
        var jobs = new[] { Job(From), Job(From.AddMinutes(1)), Job(From.AddMinutes(2)) };
        foreach (var job in jobs)
        {
            await store.AddAsync(job);
        }

        // Act
        var first = await store.ListAsync(2, null);
        var second = await store.ListAsync(2, first.Continuation);

        // Assert
        Assert.NotNull(first.Continuation);
        Assert.Equal(jobs.Reverse().Select(j => j.Id), first.Items.Concat(second.Items).Select(j => j.Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(2, "%%%"));
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentCancelAndProgress_NeitherIsLost()
    {
        // Arrange
        var store = Storage.Get<IReplayJobStore>();
        var job = Job(From) with { Status = ReplayStatus.Running };
        await store.AddAsync(job);

        // Act: an operator's cancel races the workflow's progress.
        await Task.WhenAll(
            store.UpdateAsync(job.Id, j => j with { Status = ReplayStatus.Cancelling }),
            store.UpdateAsync(job.Id, j => j with { Found = 100, Enqueued = 100, Cursor = "%Rnext" }));

        // Assert
        var stored = await store.GetAsync(job.Id);
        Assert.Equal((ReplayStatus.Cancelling, 100L, 100L, "%Rnext"), (stored!.Status, stored.Found, stored.Enqueued, stored.Cursor));
    }

    [Fact]
    public async Task UpdateAsync_UnknownJob_Null()
    {
        Assert.Null(await Storage.Get<IReplayJobStore>().UpdateAsync(ReplayJobIds.New(From), j => j));
    }

    [Fact]
    public async Task ReplayWorkflow_ArchivedRange_QueuesEachDeliveryAsAReplayOfTheJob()
    {
        // Arrange
        var archive = Storage.Get<IDeliveryArchive>();
        string[] ids = ["d-1", "d/2", "d-3"];
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await archive.AddAsync(new ArchivedDelivery("shop", "standard-webhooks", id, From.AddMinutes(i), new Dictionary<string, string>(), new byte[] { 1 }));
        }
        await archive.AddAsync(new ArchivedDelivery("shop", "standard-webhooks", "later", To, new Dictionary<string, string>(), new byte[] { 1 }));
        var jobs = Storage.Get<IReplayJobStore>();
        var job = Job(From);
        await jobs.AddAsync(job);
        var steps = new ReplaySteps(jobs, archive, Storage.Get<IDeliveryQueue>(), TimeProvider.System);

        // Act
        var result = await ReplayWorkflow.RunAsync(steps, new ReplayInput(job.Id, "shop", From, To));

        // Assert
        Assert.Equal(new ReplayResult(job.Id, ReplayStatus.Completed, 3, 3), result);
        var stored = await jobs.GetAsync(job.Id);
        Assert.Equal((ReplayStatus.Completed, 3L, 3L), (stored!.Status, stored.Found, stored.Enqueued));
        // Deliveries queued while a send is in flight share a message (group commit): read every delivery named.
        var queued = (await Storage.Get<StorageQueueConsumer>().ReceiveAsync(32, TimeSpan.FromSeconds(30))).SelectMany(m => m.Messages).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), queued.Select(m => m.DeliveryId).Order(StringComparer.Ordinal));
        Assert.All(queued, m => Assert.Equal(new DeliveryMessage("shop", m.DeliveryId, job.Id), m));
    }

    private static ReplayJob Job(DateTimeOffset createdAt) =>
        new(ReplayJobIds.New(createdAt), "shop", From, To, ReplayStatus.Pending, 0, 0, createdAt);
}
