using System.Net;
using System.Text;
using System.Text.Json;
using IntegrationHub.Cli.Operations;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Cli.Tests.Operations;

/// <summary><c>hub replay</c>: usage errors exit 2 before anything is sent; a followed replay exits 0 once completed,
/// 1 when the hub refuses or the replay does not complete.</summary>
public sealed class ReplayRunnerTests : IDisposable
{
    private const string JobId = "0123456789abcdef01234567";
    private readonly StubHub _hub = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Theory]
    [InlineData(null, "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", "needs --connection, --from and --to")]
    [InlineData("shop", null, "2026-11-21T00:00:00Z", "needs --connection, --from and --to")]
    [InlineData("shop", "2026-11-20T00:00:00Z", null, "needs --connection, --from and --to")]
    [InlineData("shop/1", "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z", "is not a connection name")]
    [InlineData("shop", "yesterday", "2026-11-21T00:00:00Z", "--from 'yesterday' is not")]
    [InlineData("shop", "2026-11-20T00:00:00Z", "soon", "--to 'soon' is not")]
    [InlineData("shop", "2026-11-21T00:00:00Z", "2026-11-20T00:00:00Z", "--from must be before --to")]
    [InlineData("shop", "1795219200", "2026-11-21T00:00:00Z", "--from must be before --to")]
    public async Task StartAsync_BadArguments_Exit2AndNothingSent(string? connection, string? from, string? to, string expected)
    {
        var exitCode = await StartAsync(new ReplayArguments(connection, from, to));

        Assert.Equal(CliExitCodes.Usage, exitCode);
        Assert.Contains(expected, _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_hub.Requests);
    }

    [Fact]
    public async Task StartAsync_UnixSecondsAndFollowing_PostsIsoTimesAndExits0WhenCompleted()
    {
        // Arrange: the hub accepts, then reports progress and completion.
        _hub.Answer(HttpStatusCode.Accepted, Job("pending", 0));
        _hub.Answer(HttpStatusCode.OK, Job("running", 100));
        _hub.Answer(HttpStatusCode.OK, Job("completed", 250));

        // Act
        var exitCode = await StartAsync(new ReplayArguments("shop", "1795132800", "2026-11-21T02:00:00+02:00"));

        // Assert
        Assert.Equal(CliExitCodes.Success, exitCode);
        var (method, path, body) = _hub.Requests[0];
        Assert.Equal(("POST", "/api/replays"), (method, path));
        using var sent = JsonDocument.Parse(body!);
        Assert.Equal("shop", sent.RootElement.GetProperty("connection").GetString());
        Assert.Equal("2026-11-20T00:00:00.0000000+00:00", sent.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-11-21T00:00:00.0000000+00:00", sent.RootElement.GetProperty("to").GetString());
        Assert.All(_hub.Requests.Skip(1), r => Assert.Equal(("GET", $"/api/replays/{JobId}"), (r.Method, r.Path)));
        var output = _output.ToString();
        Assert.Contains($"Replay {JobId} started", output, StringComparison.Ordinal);
        Assert.Contains("running: 100 found, 100 queued", output, StringComparison.Ordinal);
        Assert.Contains("completed: 250 found, 250 queued", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoFollow_Exits0AfterTheStart()
    {
        _hub.Answer(HttpStatusCode.Accepted, Job("pending", 0));

        var exitCode = await StartAsync(new ReplayArguments("shop", "2026-11-20", "2026-11-21", Follow: false));

        Assert.Equal(CliExitCodes.Success, exitCode);
        Assert.Single(_hub.Requests);
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("failed")]
    public async Task StartAsync_ReplayDoesNotComplete_Exit1(string status)
    {
        _hub.Answer(HttpStatusCode.Accepted, Job("pending", 0));
        _hub.Answer(HttpStatusCode.OK, Job(status, 100));

        var exitCode = await StartAsync(new ReplayArguments("shop", "2026-11-20", "2026-11-21"));

        Assert.Equal(CliExitCodes.Failure, exitCode);
        Assert.Contains($"{status}: 100 found", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_UnknownConnection_Exit1WithTheHubsReason()
    {
        _hub.Answer(HttpStatusCode.NotFound, """{"title":"Not found","status":404,"detail":"No connection 'shop' is configured."}""");

        var exitCode = await StartAsync(new ReplayArguments("shop", "2026-11-20", "2026-11-21"));

        Assert.Equal(CliExitCodes.Failure, exitCode);
        Assert.Contains("The hub answered 404: No connection 'shop' is configured.", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_FinishedReplay_Exit1()
    {
        _hub.Answer(HttpStatusCode.Conflict, """{"detail":"Replay has already finished: completed."}""");

        using var client = _hub.Client();
        var exitCode = await ReplayRunner.CancelAsync(client, JobId, _output, _error, CancellationToken.None);

        Assert.Equal(CliExitCodes.Failure, exitCode);
        Assert.Equal(("POST", $"/api/replays/{JobId}/cancel"), (_hub.Requests[0].Method, _hub.Requests[0].Path));
    }

    public void Dispose()
    {
        _hub.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    private async Task<int> StartAsync(ReplayArguments arguments)
    {
        using var client = _hub.Client();
        return await ReplayRunner.StartAsync(client, arguments, _output, _error, TimeSpan.Zero, new FakeTimeProvider(), CancellationToken.None);
    }

    private static string Job(string status, long count) => JsonSerializer.Serialize(new
    {
        id = JobId, connection = "shop", from = "2026-11-20T00:00:00Z", to = "2026-11-21T00:00:00Z", status,
        found = count, enqueued = count, createdAt = "2026-11-23T09:00:00Z",
    });
}
