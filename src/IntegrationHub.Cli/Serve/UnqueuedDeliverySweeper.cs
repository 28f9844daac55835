using IntegrationHub.Core.Configuration;
using IntegrationHub.Infrastructure.Archive;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Serve;

/// <summary>At start-up, queues every delivery an earlier run archived but died before queueing (its vendor got no
/// answer, and may never send it again). Only deliveries received before this process started are looked at, so none
/// this process is still taking in is queued twice; a second copy would be harmless anyway, processing being
/// idempotent. Storage being down at start-up only delays the sweep.</summary>
internal sealed partial class UnqueuedDeliverySweeper(
    UnqueuedDeliverySweep sweep,
    IOptionsMonitor<HubOptions> hub,
    TimeProvider time,
    ILogger<UnqueuedDeliverySweeper> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        foreach (var connection in hub.CurrentValue.Connections.Keys)
        {
            while (true)
            {
                try
                {
                    var queued = await sweep.SweepAsync(connection, startedAt, stoppingToken);
                    if (queued > 0)
                    {
                        LogQueued(queued, connection);
                    }
                    break;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    LogSweepFailed(exception, connection);
                    try
                    {
                        await Task.Delay(RetryDelay, time, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} delivery(ies) on {Connection} that were archived but never queued (the hub stopped in between)")]
    private partial void LogQueued(int count, string connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for unqueued deliveries on {Connection}; trying again")]
    private partial void LogSweepFailed(Exception exception, string connection);
}
