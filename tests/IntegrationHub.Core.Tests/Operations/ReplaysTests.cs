using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Core.Tests.Operations;

public sealed class ReplaysTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryReplayJobStore _jobs = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<IReplayLauncher> _launcher = new();

    [Fact]
    public async Task StartAsync_ConfiguredConnection_RecordsAPendingJobAndLaunchesItsWorkflow()
    {
        var job = await CreateSut().StartAsync("shop", From, From.AddHours(1), _launcher.Object);

        Assert.True(ReplayJobIds.IsWellFormed(job.Id));
        Assert.Equal(ReplayStatus.Pending, job.Status);
        Assert.Equal(_time.GetUtcNow(), job.CreatedAt);
        Assert.Equal(job, await _jobs.GetAsync(job.Id));
        _launcher.Verify(l => l.LaunchAsync(new ReplayInput(job.Id, "shop", From, From.AddHours(1)), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task StartAsync_ConnectionSpelledOtherwise_ReplaysTheConfiguredSpellingIntakeArchivesUnder()
    {
        var job = await CreateSut().StartAsync("SHOP", From, From.AddHours(1), _launcher.Object);

        Assert.Equal("shop", job.Connection);
        _launcher.Verify(l => l.LaunchAsync(It.Is<ReplayInput>(i => i.Connection == "shop"), It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("crm", 1)]
    [InlineData("shop", 0)]
    [InlineData("shop", -1)]
    public async Task StartAsync_UnknownConnectionOrEmptyRange_ThrowsAndWritesNothing(string connection, int hours)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().StartAsync(connection, From, From.AddHours(hours), _launcher.Object));

        Assert.Empty(_jobs.Jobs);
        _launcher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task StartAsync_LaunchFails_RecordsTheJobFailedAndRethrows()
    {
        _launcher.Setup(l => l.LaunchAsync(It.IsAny<ReplayInput>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        await Assert.ThrowsAsync<TimeoutException>(() => CreateSut().StartAsync("shop", From, From.AddHours(1), _launcher.Object));

        var job = Assert.Single(_jobs.Jobs);
        Assert.Equal(ReplayStatus.Failed, job.Status);
        Assert.NotNull(job.Error);
    }

    [Fact]
    public async Task StartAsync_TwoJobs_ListedNewestFirst()
    {
        var sut = CreateSut();
        var first = await sut.StartAsync("shop", From, From.AddHours(1), _launcher.Object);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await sut.StartAsync("shop", From, From.AddHours(1), _launcher.Object);

        var page = await sut.ListAsync(10, null);

        Assert.Equal([second.Id, first.Id], page.Items.Select(j => j.Id));
    }

    [Theory]
    [InlineData(ReplayStatus.Pending, ReplayStatus.Cancelling)]
    [InlineData(ReplayStatus.Running, ReplayStatus.Cancelling)]
    [InlineData(ReplayStatus.Cancelling, ReplayStatus.Cancelling)]
    [InlineData(ReplayStatus.Completed, ReplayStatus.Completed)]
    [InlineData(ReplayStatus.Failed, ReplayStatus.Failed)]
    public async Task CancelAsync_Job_StopsOnlyWhatHasNotFinished(string status, string expected)
    {
        var id = ReplayJobIds.New(_time.GetUtcNow());
        await _jobs.AddAsync(new ReplayJob(id, "shop", From, From.AddHours(1), status, 0, 0, _time.GetUtcNow()));

        var job = await CreateSut().CancelAsync(id);

        Assert.Equal(expected, job!.Status);
        Assert.Equal(expected, (await _jobs.GetAsync(id))!.Status);
    }

    [Theory]
    [InlineData("0123456789abcdef01234567")]
    [InlineData("not-an-id")]
    [InlineData("0123456789ABCDEF01234567")]
    public async Task GetAndCancel_UnknownOrMalformedId_Null(string id)
    {
        var sut = CreateSut();

        Assert.Null(await sut.GetAsync(id));
        Assert.Null(await sut.CancelAsync(id));
    }

    private Replays CreateSut()
    {
        var hub = new HubOptions();
        hub.Connections["shop"] = new ConnectionOptions { Provider = "standard-webhooks" };
        return new Replays(_jobs, new TestOptionsMonitor<HubOptions>(hub), _time, NullLogger<Replays>.Instance);
    }
}
