using IntegrationHub.Core.Configuration;
using IntegrationHub.Infrastructure.Archive;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Functions.Operations;

/// <summary>Every five minutes, queues (on Service Bus) the deliveries archived but never queued because an instance
/// died between the two: what <c>hub serve</c> does at start-up. Only deliveries received more than
/// <see cref="Grace"/> ago are looked at, longer than any intake can still be running (Functions cuts HTTP at 230 s),
/// and only those received since the connection's last sweep (its watermark).</summary>
public sealed partial class SweepUnqueuedDeliveries(
    UnqueuedDeliverySweep sweep, IOptionsMonitor<HubOptions> hub, TimeProvider time, ILogger<SweepUnqueuedDeliveries> logger)
{
    public const string Schedule = "0 */5 * * * *";

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    [Function(nameof(SweepUnqueuedDeliveries))]
    public async Task Run([TimerTrigger(Schedule, RunOnStartup = false)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var receivedBefore = time.GetUtcNow() - Grace;
        foreach (var connection in hub.CurrentValue.Connections.Keys)
        {
            var queued = await sweep.SweepSinceWatermarkAsync(connection, receivedBefore, cancellationToken);
            if (queued > 0)
            {
                LogQueued(queued, connection);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} delivery(ies) on {Connection} that were archived but never queued (an instance stopped in between)")]
    private partial void LogQueued(int count, string connection);
}
