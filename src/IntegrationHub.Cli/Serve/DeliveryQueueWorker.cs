using IntegrationHub.Core.Model;
using IntegrationHub.Core.Operations;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Infrastructure.Queues;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone host's side of the queue: receives deliveries, runs the process-event workflow on each, and
/// settles every message explicitly — complete on success, dead-letter poison at once, abandon transient failures with
/// a growing delay until <see cref="DeliveryWorkerOptions.MaxDeliveryCount"/> (the Service Bus semantics, on a Storage
/// Queue). A message naming several deliveries (sent together under load) runs them side by side and sends any that
/// fails on by itself, so each is settled as if it had come alone. A storage outage only pauses it: it keeps polling
/// until storage answers again.</summary>
internal sealed partial class DeliveryQueueWorker(
    StorageQueueConsumer consumer,
    IProcessEventSteps steps,
    DeadLetters deadLetters,
    IOptions<DeliveryWorkerOptions> options,
    TimeProvider time,
    ILogger<DeliveryQueueWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Workflow runs at once, across every message held; a message naming many deliveries shares them.
        using var runs = new SemaphoreSlim(settings.Concurrency);
        // Messages held at once. A new receive asks only for the free places, as soon as one frees, so one slow
        // message never holds back the rest.
        using var places = new SemaphoreSlim(settings.Concurrency);
        var held = new HashSet<Task>();
        var idle = MinPollInterval;

        // Frees the message's place when it is settled; awaited below before the places are disposed.
        async Task HoldAsync(ReceivedDelivery message)
        {
            try
            {
                await HandleAsync(message, settings, runs, stoppingToken);
            }
            finally
            {
                places.Release();
            }
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await places.WaitAsync(stoppingToken);
                var free = 1;
                while (free < StorageQueueConsumer.MaxBatch && places.Wait(0, CancellationToken.None))
                {
                    free++;
                }

                var arrival = consumer.NextArrival;
                IReadOnlyList<ReceivedDelivery> batch;
                try
                {
                    batch = await consumer.ReceiveAsync(free, settings.VisibilityTimeout, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogReceiveFailed(exception);
                    batch = [];
                    idle = settings.MaxPollInterval;
                }
                if (free > batch.Count)
                {
                    places.Release(free - batch.Count);
                }
                if (batch.Count == 0)
                {
                    await PauseAsync(idle, arrival, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollInterval.Ticks));
                    continue;
                }
                idle = MinPollInterval;
                foreach (var message in batch)
                {
                    var handling = HoldAsync(message);
                    lock (held)
                    {
                        held.Add(handling);
                    }
                    _ = handling.ContinueWith(
                        done =>
                        {
                            lock (held)
                            {
                                held.Remove(done);
                            }
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        Task[] remaining;
        lock (held)
        {
            remaining = [.. held];
        }
        await Task.WhenAll(remaining);
    }

    /// <summary>Runs a message's deliveries while a <see cref="MessageLease"/> keeps it hidden, then settles it with
    /// the latest pop receipt. Never throws: what cannot be settled reappears after its visibility timeout.</summary>
    private async Task HandleAsync(ReceivedDelivery received, DeliveryWorkerOptions settings, SemaphoreSlim runs, CancellationToken cancellationToken)
    {
        if (received.Messages.Count == 0)
        {
            await SettleAsync(received, () => consumer.DeadLetterAsync(
                received, "UnreadableMessage", received.ParseError ?? "Not a delivery message.", cancellationToken), cancellationToken);
            return;
        }

        await using var lease = MessageLease.Start(consumer, received, settings.VisibilityTimeout, time, logger, cancellationToken);
        Exception? failure = null;
        try
        {
            if (received.Message is { } delivery)
            {
                await RunAsync(delivery, runs, cancellationToken);
            }
            else
            {
                await RunManyAsync(received, runs, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message becomes visible again when its visibility timeout runs out.
            await lease.StopAsync();
            return;
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        var message = await lease.StopAsync();
        if (failure is null)
        {
            await SettleAsync(message, () => consumer.CompleteAsync(message, cancellationToken), cancellationToken);
        }
        else if (message.Message is null)
        {
            // Sending a failed delivery of a shared message on by itself failed: the whole message reappears after its
            // visibility timeout, and running its deliveries again changes nothing.
            LogSettleFailed(failure, message.MessageId);
        }
        else
        {
            await SettleAsync(message, () => SettleFailureAsync(message, failure, settings, cancellationToken), cancellationToken);
        }
    }

    private async Task SettleAsync(ReceivedDelivery message, Func<Task> settle, CancellationToken cancellationToken)
    {
        try
        {
            await settle();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the message reappears after its visibility timeout.
        }
        catch (Exception exception)
        {
            LogSettleFailed(exception, message.MessageId);
        }
    }

    /// <summary>A message naming several deliveries: runs them all; each that fails is sent on by itself, to be retried,
    /// counted and dead-lettered exactly as a message of its own. A crash before the message is completed brings it
    /// all back, and running a delivery again changes nothing.</summary>
    private async Task RunManyAsync(ReceivedDelivery message, SemaphoreSlim runs, CancellationToken cancellationToken)
    {
        var failed = await Task.WhenAll(message.Messages.Select(async delivery =>
        {
            try
            {
                await RunAsync(delivery, runs, cancellationToken);
                return null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRequeued(exception, delivery.DeliveryId, delivery.Connection);
                return delivery;
            }
        }));
        foreach (var delivery in failed.OfType<DeliveryMessage>())
        {
            await consumer.RequeueAloneAsync(delivery, cancellationToken);
        }
    }

    private async Task RunAsync(DeliveryMessage delivery, SemaphoreSlim runs, CancellationToken cancellationToken)
    {
        await runs.WaitAsync(cancellationToken);
        try
        {
            var result = await ProcessEventWorkflow.RunAsync(steps, new ProcessEventInput(delivery.Connection, delivery.DeliveryId));
            LogProcessed(delivery.DeliveryId, delivery.Connection, result.Outcome);
        }
        finally
        {
            runs.Release();
        }
    }

    private async Task SettleFailureAsync(
        ReceivedDelivery message, Exception exception, DeliveryWorkerOptions settings, CancellationToken cancellationToken)
    {
        if (ProcessingFailures.IsPermanent(exception))
        {
            await DeadLetterAsync(message, exception.GetType().Name, exception.Message, cancellationToken);
        }
        else if (message.DequeueCount >= settings.MaxDeliveryCount)
        {
            await DeadLetterAsync(message, "MaxDeliveryCountExceeded", $"{exception.GetType().Name}: {exception.Message}", cancellationToken);
        }
        else
        {
            LogRetrying(exception, message.MessageId, message.DequeueCount);
            await consumer.AbandonAsync(message, RetryDelay(message.DequeueCount), cancellationToken);
        }
    }

    /// <summary>Records the dead letter for operators (listed and replayed through the API) before setting the message
    /// aside in the poison queue, so a crash between the two leaves it recorded rather than lost.</summary>
    private async Task DeadLetterAsync(ReceivedDelivery message, string reason, string description, CancellationToken cancellationToken)
    {
        await deadLetters.RecordAsync(message.Message!, reason, description, message.DequeueCount, cancellationToken);
        await consumer.DeadLetterAsync(message, reason, description, cancellationToken);
    }

    private static TimeSpan RetryDelay(long dequeueCount) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, dequeueCount), 60));

    /// <summary>Waits out the poll interval, or less if this process queues a delivery meanwhile.</summary>
    private async Task PauseAsync(TimeSpan delay, Task arrival, CancellationToken stoppingToken)
    {
        try
        {
            await arrival.WaitAsync(delay, time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Nothing queued here: poll again.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} on {Connection}: {Outcome}")]
    private partial void LogProcessed(string deliveryId, string connection, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing message {MessageId} failed (attempt {DequeueCount}); it will be retried")]
    private partial void LogRetrying(Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} on {Connection} failed in a shared message; it is queued again by itself")]
    private partial void LogRequeued(Exception exception, string deliveryId, string connection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not receive from the delivery queue; retrying")]
    private partial void LogReceiveFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not settle message {MessageId}; it will reappear after its visibility timeout")]
    private partial void LogSettleFailed(Exception exception, string messageId);
}
