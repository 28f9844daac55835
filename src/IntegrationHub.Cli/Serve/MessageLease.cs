using IntegrationHub.Infrastructure.Queues;

namespace IntegrationHub.Cli.Serve;

/// <summary>Keeps a received message hidden while it is processed, however long that takes: every third of a visibility
/// timeout it hides the message for another whole one (Service Bus renews its message locks the same way). Without it a
/// long run — a message naming a hundred deliveries, or a slow storage — would reappear mid-run and be processed twice
/// at once, and settling it with the old pop receipt would fail.</summary>
internal sealed partial class MessageLease : IAsyncDisposable
{
    private readonly StorageQueueConsumer _consumer;
    private readonly TimeSpan _visibility;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private ReceivedDelivery _message;

    private MessageLease(
        StorageQueueConsumer consumer, ReceivedDelivery message, TimeSpan visibility, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        _consumer = consumer;
        _message = message;
        _visibility = visibility;
        _time = time;
        _logger = logger;
        _renewing = RenewAsync(stoppingToken);
    }

    public static MessageLease Start(
        StorageQueueConsumer consumer, ReceivedDelivery message, TimeSpan visibility, TimeProvider time, ILogger logger, CancellationToken stoppingToken) =>
        new(consumer, message, visibility, time, logger, stoppingToken);

    /// <summary>Stops renewing and returns the message with its latest pop receipt, the one that settles it. A renewal
    /// already sent is waited for, so its new receipt is not lost.</summary>
    public async Task<ReceivedDelivery> StopAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        return _message;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RenewAsync(CancellationToken stoppingToken)
    {
        // A third, so one failed renewal still leaves the next one time to land.
        var every = _visibility / 3;
        while (true)
        {
            try
            {
                await Task.Delay(every, _time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                // Not cancelled by StopAsync: a renewal cut off mid-request could change the receipt unseen.
                _message = await _consumer.RenewAsync(_message, _visibility, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException gone) when (gone.Status is 400 or 404)
            {
                // The receipt no longer holds (another receiver took the message after a long stall): running it twice
                // changes nothing, and this receiver's settlement then fails and is logged.
                LogRenewFailed(gone, _message.MessageId);
                return;
            }
            catch (Exception exception)
            {
                // A passing storage failure: the message stays hidden for the rest of its timeout; try again next tick.
                LogRenewRetrying(exception, _message.MessageId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep message {MessageId} hidden for longer; trying again")]
    private partial void LogRenewRetrying(Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep message {MessageId} hidden while it is processed; another receiver may run it too")]
    private partial void LogRenewFailed(Exception exception, string messageId);
}
