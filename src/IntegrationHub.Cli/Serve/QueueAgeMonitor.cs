using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Serve;

/// <summary>Looks at the queue's health every <see cref="DeliveryWorkerOptions.HealthCheckInterval"/> and warns while
/// the oldest waiting message is older than <see cref="DeliveryWorkerOptions.OldestMessageWarningAge"/>: the sign that
/// processing has stalled or cannot keep up.</summary>
internal sealed partial class QueueAgeMonitor(
    IHubHealth health, IOptions<DeliveryWorkerOptions> options, TimeProvider time, ILogger<QueueAgeMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Returns true when it warned.</summary>
    internal async Task<bool> CheckOnceAsync(CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken);
        var threshold = options.Value.OldestMessageWarningAge;
        if (report.OldestMessageAgeSeconds is { } age && age > threshold.TotalSeconds)
        {
            LogStale(age, threshold.TotalSeconds, report.QueueDepth ?? 0);
            return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The oldest delivery in the queue has waited {AgeSeconds} s (warning at {ThresholdSeconds} s); {Depth} waiting")]
    private partial void LogStale(double ageSeconds, double thresholdSeconds, long depth);
}
