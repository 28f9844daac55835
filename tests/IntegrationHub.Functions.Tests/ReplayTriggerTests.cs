using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using IntegrationHub.Functions.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace IntegrationHub.Functions.Tests;

/// <summary>The replay API's HTTP triggers: bind, call the shared endpoint, translate; the start schedules the
/// orchestration named after the job.</summary>
public sealed class ReplayTriggerTests
{
    private readonly Mock<IReplayJobStore> _jobs = new();
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task StartReplay_ValidRange_RecordsTheJobSchedulesItsOrchestrationAndAnswers202WithLocation()
    {
        ReplayJob? recorded = null;
        _jobs.Setup(j => j.AddAsync(It.IsAny<ReplayJob>(), It.IsAny<CancellationToken>()))
            .Callback<ReplayJob, CancellationToken>((job, _) => recorded = job)
            .Returns(Task.CompletedTask);
        var context = HttpTriggers.Request("POST", "/api/replays", """{"connection":"shop","from":"2026-11-20T00:00:00Z","to":1795219200}""");

        var (status, body) = await HttpTriggers.ExecuteAsync(new StartReplay(CreateReplays()).Run(context.Request, _client.Object, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status202Accepted, status);
        Assert.NotNull(recorded);
        Assert.Equal($"/api/replays/{recorded.Id}", context.Response.Headers.Location.ToString());
        Assert.Equal(recorded.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(ReplayStatus.Pending, body.RootElement.GetProperty("status").GetString());
        Assert.False(body.RootElement.TryGetProperty("cursor", out _));
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            ReplayWorkflow.Name,
            new ReplayInput(recorded.Id, "shop", new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.FromUnixTimeSeconds(1795219200)),
            It.Is<StartOrchestrationOptions>(o => o.InstanceId == recorded.Id),
            It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("""{"connection":"shop","from":"2026-11-21T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", 400)]
    [InlineData("""{"connection":"shop","from":"2026-11-20T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", 400)]
    [InlineData("""{"connection":"shop","from":"last tuesday","to":"2026-11-20T00:00:00Z"}""", 400)]
    [InlineData("""{"connection":"shop","to":"2026-11-20T00:00:00Z"}""", 400)]
    [InlineData("""{"from":"2026-11-19T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", 400)]
    [InlineData("""["shop"]""", 400)]
    [InlineData("""not json""", 400)]
    [InlineData("""{"connection":"crm","from":"2026-11-19T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", 404)]
    public async Task StartReplay_BadInput_ProblemAndNothingWrittenOrStarted(string json, int expected)
    {
        var context = HttpTriggers.Request("POST", "/api/replays", json);

        var (status, body) = await HttpTriggers.ExecuteAsync(new StartReplay(CreateReplays()).Run(context.Request, _client.Object, CancellationToken.None), context);

        Assert.Equal(expected, status);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("detail").GetString()));
        _jobs.VerifyNoOtherCalls();
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object>(), It.IsAny<StartOrchestrationOptions>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task GetReplay_KnownJob_200WithItsCounts()
    {
        var job = Job(ReplayStatus.Running) with { Found = 300, Enqueued = 200 };
        _jobs.Setup(j => j.GetAsync(job.Id, It.IsAny<CancellationToken>())).ReturnsAsync(job);
        var context = HttpTriggers.Request("GET", $"/api/replays/{job.Id}");

        var (status, body) = await HttpTriggers.ExecuteAsync(new GetReplay(CreateReplays()).Run(context.Request, job.Id, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal(300, body.RootElement.GetProperty("found").GetInt64());
        Assert.Equal(200, body.RootElement.GetProperty("enqueued").GetInt64());
    }

    [Fact]
    public async Task GetReplay_UnknownJob_404Problem()
    {
        var context = HttpTriggers.Request("GET", "/api/replays/nope");

        var (status, _) = await HttpTriggers.ExecuteAsync(new GetReplay(CreateReplays()).Run(context.Request, "nope", CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status404NotFound, status);
    }

    [Theory]
    [InlineData(ReplayStatus.Running, StatusCodes.Status202Accepted)]
    [InlineData(ReplayStatus.Completed, StatusCodes.Status409Conflict)]
    public async Task CancelReplay_Job_202WhileRunning409OnceFinished(string current, int expected)
    {
        var job = Job(current);
        _jobs.Setup(j => j.UpdateAsync(job.Id, It.IsAny<Func<ReplayJob, ReplayJob>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<ReplayJob, ReplayJob> update, CancellationToken _) => update(job));
        var context = HttpTriggers.Request("POST", $"/api/replays/{job.Id}/cancel");

        var (status, _) = await HttpTriggers.ExecuteAsync(new CancelReplay(CreateReplays()).Run(context.Request, job.Id, CancellationToken.None), context);

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task ListReplays_BadPageSize_400()
    {
        var context = HttpTriggers.Request("GET", "/api/replays");
        context.Request.QueryString = new QueryString("?pageSize=0");

        var (status, _) = await HttpTriggers.ExecuteAsync(new ListReplays(CreateReplays()).Run(context.Request, CancellationToken.None), context);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        _jobs.VerifyNoOtherCalls();
    }

    private ReplayJob Job(string status) =>
        new(ReplayJobIds.New(_time.GetUtcNow()), "shop", _time.GetUtcNow().AddDays(-1), _time.GetUtcNow(), status, 0, 0, _time.GetUtcNow());

    private Replays CreateReplays()
    {
        var hub = new HubOptions();
        hub.Connections["shop"] = new ConnectionOptions { Provider = "standard-webhooks" };
        var options = new Mock<IOptionsMonitor<HubOptions>>();
        options.Setup(o => o.CurrentValue).Returns(hub);
        return new Replays(_jobs.Object, options.Object, _time, NullLogger<Replays>.Instance);
    }
}
