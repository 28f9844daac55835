using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Core.Tests.Workflows.Replay;

/// <summary>The replay workflow over the real steps and in-memory archive, queue and job store.</summary>
public sealed class ReplayWorkflowTests
{
    private const string Connection = "shop";
    private const string JobId = "0123456789abcdef01234567";
    private static readonly DateTimeOffset From = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(1);
    private static readonly ReplayInput Input = new(JobId, Connection, From, To);

    private readonly InMemoryDeliveryArchive _archive = new();
    private readonly RecordingDeliveryQueue _queue = new();
    private readonly InMemoryReplayJobStore _jobs = new();
    private readonly FakeTimeProvider _time = new(To.AddHours(1));

    [Fact]
    public async Task RunAsync_DeliveriesOverSeveralPages_QueuesEachInRangeOnceAsAReplayOfTheJobAndCompletes()
    {
        // Arrange: 250 in range (three pages), plus deliveries just outside it and on another connection.
        var inRange = await ArchiveAsync(Connection, 250, From);
        await ArchiveAsync(Connection, 1, From.AddTicks(-1), prefix: "before");
        await ArchiveAsync(Connection, 1, To, prefix: "at-end");
        await ArchiveAsync("crm", 5, From, prefix: "other");
        await StartJobAsync();

        // Act
        var result = await ReplayWorkflow.RunAsync(CreateSut(), Input);

        // Assert
        Assert.Equal(new ReplayResult(JobId, ReplayStatus.Completed, 250, 250), result);
        Assert.Equal(inRange.Order(StringComparer.Ordinal), _queue.Messages.Select(m => m.DeliveryId).Order(StringComparer.Ordinal));
        Assert.All(_queue.Messages, m => Assert.Equal(new DeliveryMessage(Connection, m.DeliveryId, JobId), m));
        var job = await _jobs.GetAsync(JobId);
        Assert.Equal(ReplayStatus.Completed, job!.Status);
        Assert.Equal((250, 250), (job.Found, job.Enqueued));
        Assert.Equal(_time.GetUtcNow(), job.StartedAt);
        Assert.Equal(_time.GetUtcNow(), job.FinishedAt);
        Assert.Null(job.Cursor);
    }

    [Fact]
    public async Task RunAsync_NothingInRange_CompletesWithZeroCounts()
    {
        await StartJobAsync();

        var result = await ReplayWorkflow.RunAsync(CreateSut(), Input);

        Assert.Equal(new ReplayResult(JobId, ReplayStatus.Completed, 0, 0), result);
        Assert.Empty(_queue.Messages);
        Assert.Equal(ReplayStatus.Completed, (await _jobs.GetAsync(JobId))!.Status);
    }

    [Fact]
    public async Task RunAsync_CancelledDuringTheFirstPage_StopsAfterThatPage()
    {
        // Arrange: an operator cancels while the first page is being queued.
        await ArchiveAsync(Connection, 250, From);
        await StartJobAsync();
        var replays = new Replays(_jobs, new TestOptionsMonitor<HubOptions>(new()), _time, NullLogger<Replays>.Instance);
        _queue.OnEnqueue = _ => replays.CancelAsync(JobId).GetAwaiter().GetResult();

        // Act
        var result = await ReplayWorkflow.RunAsync(CreateSut(), Input);

        // Assert
        Assert.Equal(new ReplayResult(JobId, ReplayStatus.Cancelled, ReplayWorkflow.PageSize, ReplayWorkflow.PageSize), result);
        Assert.Equal(ReplayWorkflow.PageSize, _queue.Messages.Count);
        var job = await _jobs.GetAsync(JobId);
        Assert.Equal(ReplayStatus.Cancelled, job!.Status);
        Assert.Equal(ReplayWorkflow.PageSize, job.Enqueued);
    }

    [Fact]
    public async Task RunAsync_JobAlreadyCancelling_FinishesCancelledWithoutReading()
    {
        await ArchiveAsync(Connection, 3, From);
        await StartJobAsync(ReplayStatus.Cancelling);

        var result = await ReplayWorkflow.RunAsync(CreateSut(), Input);

        Assert.Equal(ReplayStatus.Cancelled, result.Status);
        Assert.Empty(_queue.Messages);
        Assert.Equal(ReplayStatus.Cancelled, (await _jobs.GetAsync(JobId))!.Status);
    }

    [Fact]
    public async Task RunAsync_PageLimitReached_ReturnsRunningAndTheNextRunCarriesOnFromTheSavedCursor()
    {
        // Arrange
        var inRange = await ArchiveAsync(Connection, 250, From);
        await StartJobAsync();

        // Act: what Durable's continue-as-new does, one page per execution.
        var runs = new List<ReplayResult>();
        do
        {
            runs.Add(await ReplayWorkflow.RunAsync(CreateSut(), Input, maxPages: 1));
        }
        while (runs[^1].Status == ReplayStatus.Running && runs.Count < 10);

        // Assert
        Assert.Equal([ReplayStatus.Running, ReplayStatus.Running, ReplayStatus.Completed], runs.Select(r => r.Status));
        Assert.Equal(new ReplayResult(JobId, ReplayStatus.Completed, 250, 250), runs[^1]);
        Assert.Equal(inRange.Order(StringComparer.Ordinal), _queue.Messages.Select(m => m.DeliveryId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_QueueFails_RecordsTheJobFailedAndRethrows()
    {
        // Arrange
        await ArchiveAsync(Connection, 3, From);
        await StartJobAsync();
        _queue.OnEnqueue = _ => throw new TimeoutException("the queue did not answer");

        // Act
        var thrown = await Record.ExceptionAsync(() => ReplayWorkflow.RunAsync(CreateSut(), Input));

        // Assert
        Assert.IsType<TimeoutException>(thrown);
        var job = await _jobs.GetAsync(JobId);
        Assert.Equal(ReplayStatus.Failed, job!.Status);
        Assert.Equal("the queue did not answer", job.Error);
        Assert.Equal(_time.GetUtcNow(), job.FinishedAt);
    }

    [Fact]
    public async Task RunAsync_StepsInOrder_ReadEnqueueRecordThenFinish()
    {
        // Arrange: the workflow's own logic against strict step mocks, two pages.
        var steps = new Mock<IReplaySteps>(MockBehavior.Strict);
        var sequence = new MockSequence();
        steps.InSequence(sequence).Setup(s => s.BeginAsync(Input)).ReturnsAsync(new ReplayCheckpoint(null, 0, 0, Stop: false));
        steps.InSequence(sequence).Setup(s => s.ReadPageAsync(new ReadReplayPageInput(Connection, From, To, null, ReplayWorkflow.PageSize)))
            .ReturnsAsync(new Ports.DeliveryIdPage(["a", "b"], "c1"));
        steps.InSequence(sequence).Setup(s => s.EnqueueAsync(It.Is<EnqueueReplayInput>(i => i.JobId == JobId
                && i.Messages.SequenceEqual(new[] { new DeliveryMessage(Connection, "a", JobId), new DeliveryMessage(Connection, "b", JobId) }))))
            .Returns(Task.CompletedTask);
        steps.InSequence(sequence).Setup(s => s.RecordProgressAsync(new ReplayProgressInput(JobId, 2, 2, "c1")))
            .ReturnsAsync(new ReplayCheckpoint("c1", 2, 2, Stop: false));
        steps.InSequence(sequence).Setup(s => s.ReadPageAsync(new ReadReplayPageInput(Connection, From, To, "c1", ReplayWorkflow.PageSize)))
            .ReturnsAsync(new Ports.DeliveryIdPage([], null));
        steps.InSequence(sequence).Setup(s => s.FinishAsync(new FinishReplayInput(JobId, ReplayStatus.Completed, 2, 2, null)))
            .Returns(Task.CompletedTask);

        // Act
        var result = await ReplayWorkflow.RunAsync(steps.Object, Input);

        // Assert
        Assert.Equal(new ReplayResult(JobId, ReplayStatus.Completed, 2, 2), result);
        steps.Verify(s => s.EnqueueAsync(It.IsAny<EnqueueReplayInput>()), Times.Once);
        steps.Verify(s => s.FinishAsync(It.IsAny<FinishReplayInput>()), Times.Once);
    }

    private ReplaySteps CreateSut() => new(_jobs, _archive, _queue, _time);

    private Task StartJobAsync(string status = ReplayStatus.Pending) =>
        _jobs.AddAsync(new ReplayJob(JobId, Connection, From, To, status, 0, 0, _time.GetUtcNow()));

    private async Task<List<string>> ArchiveAsync(string connection, int count, DateTimeOffset at, string prefix = "d")
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i:D4}";
            await _archive.AddAsync(new ArchivedDelivery(connection, "standard-webhooks", id, at.AddSeconds(i % 60), new Dictionary<string, string>(), Array.Empty<byte>()));
            ids.Add(id);
        }
        return ids;
    }
}
