using System.Collections.Concurrent;
using System.Threading.Channels;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone host's replay runner: <c>POST /api/replays</c> hands it each new job through a channel, and
/// it runs the replay workflow for each in the background. Jobs left unfinished by a stop or a crash are resumed from
/// their saved cursor when the hub starts again (at worst one page is queued twice; processing is idempotent).</summary>
internal sealed partial class ReplayWorker(
    ReplaySteps steps, IReplayJobStore jobs, TimeProvider time, ILogger<ReplayWorker> logger) : BackgroundService, IReplayLauncher
{
    private const int ResumePageSize = 200;

    private readonly Channel<ReplayInput> _started = Channel.CreateUnbounded<ReplayInput>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    public async Task LaunchAsync(ReplayInput input, CancellationToken cancellationToken = default) =>
        await _started.Writer.WriteAsync(input, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeUnfinishedAsync(stoppingToken);
            await foreach (var input in _started.Reader.ReadAllAsync(stoppingToken))
            {
                Run(input, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: running jobs stop at their next step.
        }
        await Task.WhenAll(_running.Values);
    }

    private async Task ResumeUnfinishedAsync(CancellationToken stoppingToken)
    {
        try
        {
            string? continuation = null;
            do
            {
                var page = await jobs.ListAsync(ResumePageSize, continuation, stoppingToken);
                foreach (var job in page.Items.Where(j => !ReplayStatus.IsFinished(j.Status)))
                {
                    LogResuming(job.Id, job.Status);
                    Run(new ReplayInput(job.Id, job.Connection, job.From, job.To), stoppingToken);
                }
                continuation = page.Continuation;
            }
            while (continuation is not null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogResumeFailed(exception);
        }
    }

    /// <summary>Starts the job unless it is already running here (a job started while unfinished ones were being
    /// looked up can be seen twice).</summary>
    private void Run(ReplayInput input, CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_running.TryAdd(input.JobId, done.Task))
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(input, stoppingToken);
            }
            finally
            {
                _running.TryRemove(input.JobId, out _);
                done.SetResult();
            }
        }, CancellationToken.None);
    }

    private async Task RunAsync(ReplayInput input, CancellationToken stoppingToken)
    {
        try
        {
            var result = await ReplayWorkflow.RunAsync(new ResilientReplaySteps(steps, time, stoppingToken), input);
            LogFinished(input.JobId, result.Status, result.Found, result.Enqueued);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogInterrupted(input.JobId);
        }
        catch (Exception exception)
        {
            LogFailed(exception, input.JobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {JobId}: {Status}, {Found} found, {Enqueued} queued")]
    private partial void LogFinished(string jobId, string status, long found, long enqueued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {JobId} interrupted by the hub stopping; it resumes on the next start")]
    private partial void LogInterrupted(string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay {JobId} failed")]
    private partial void LogFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming replay {JobId} ({Status})")]
    private partial void LogResuming(string jobId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up unfinished replays to resume")]
    private partial void LogResumeFailed(Exception exception);
}
