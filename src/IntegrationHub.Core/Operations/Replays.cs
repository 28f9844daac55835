using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Operations;

/// <summary>Replays for operators: re-run a connection's archived deliveries from a time range through today's
/// normalisers (the way to backfill after a mapping fix), watch the job, cancel it. Replays are idempotent: every
/// step of processing is, so a delivery replayed twice leaves profiles and timelines as one delivery would.</summary>
public sealed partial class Replays(IReplayJobStore store, IOptionsMonitor<HubOptions> options, TimeProvider time, ILogger<Replays> logger)
{
    public const int MaxPageSize = 200;

    /// <summary>Whether <paramref name="connection"/> is configured, i.e. its deliveries can be processed today.</summary>
    public bool IsConfigured(string connection) => options.CurrentValue.Connections.ContainsKey(connection);

    /// <summary>Records a pending job and starts its workflow. When the start fails, the job is recorded as failed
    /// rather than left pending, and the failure propagates.</summary>
    /// <exception cref="ArgumentException">The connection is not configured, or <paramref name="from"/> is not before <paramref name="to"/>.</exception>
    public async Task<ReplayJob> StartAsync(
        string connection, DateTimeOffset from, DateTimeOffset to, IReplayLauncher launcher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        // The configured spelling, as intake archives under it.
        connection = options.CurrentValue.Connections.Keys.FirstOrDefault(k => string.Equals(k, connection, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Connection '{connection}' is not configured.", nameof(connection));
        if (from >= to)
        {
            throw new ArgumentException("A replay's start must be before its end.", nameof(from));
        }
        var now = time.GetUtcNow();
        var job = new ReplayJob(ReplayJobIds.New(now), connection, from.ToUniversalTime(), to.ToUniversalTime(), ReplayStatus.Pending, 0, 0, now);
        await store.AddAsync(job, cancellationToken);
        try
        {
            await launcher.LaunchAsync(new ReplayInput(job.Id, job.Connection, job.From, job.To), cancellationToken);
        }
        catch (Exception failure)
        {
            await store.UpdateAsync(job.Id, j => j with
            {
                Status = ReplayStatus.Failed, FinishedAt = time.GetUtcNow(), Error = "The replay could not be started.",
            }, CancellationToken.None);
            LogStartFailed(failure, job.Id);
            throw;
        }
        LogStarted(job.Id, job.Connection, job.From, job.To);
        return job;
    }

    public Task<ReplayJob?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        ReplayJobIds.IsWellFormed(id) ? store.GetAsync(id, cancellationToken) : Task.FromResult<ReplayJob?>(null);

    /// <exception cref="ArgumentException">The continuation is not one this hub issued.</exception>
    public Task<ReplayJobPage> ListAsync(int? pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        store.ListAsync(Math.Clamp(pageSize ?? 50, 1, MaxPageSize), continuation, cancellationToken);

    /// <summary>Asks a pending or running job to stop: it becomes <c>cancelling</c>, and <c>cancelled</c> when its
    /// workflow next records progress. A finished job is returned unchanged; null when there is no such job.</summary>
    public async Task<ReplayJob?> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!ReplayJobIds.IsWellFormed(id))
        {
            return null;
        }
        var job = await store.UpdateAsync(id, j => j.Status is ReplayStatus.Pending or ReplayStatus.Running
            ? j with { Status = ReplayStatus.Cancelling }
            : j, cancellationToken);
        if (job?.Status == ReplayStatus.Cancelling)
        {
            LogCancelling(id);
        }
        return job;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {JobId} started: {Connection} from {From} to {To}")]
    private partial void LogStarted(string jobId, string connection, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay {JobId} could not be started")]
    private partial void LogStartFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {JobId} asked to stop")]
    private partial void LogCancelling(string jobId);
}
