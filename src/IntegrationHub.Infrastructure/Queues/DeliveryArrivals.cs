namespace IntegrationHub.Infrastructure.Queues;

/// <summary>Tells this process's delivery worker that a message was just queued, so an idle worker receives at once
/// instead of at its next poll. A Storage Queue has no long polling: without this, a worker backing off between polls
/// of an empty queue adds up to <c>Hub:Worker:MaxPollInterval</c> to a quiet hub's freshness. Deliveries queued by
/// another process are still found by polling.</summary>
public sealed class DeliveryArrivals
{
    private TaskCompletionSource _next = New();

    /// <summary>Completes at the first arrival after it was read. Read it before looking at the queue, then wait on it
    /// if the queue was empty: an arrival in between is not missed.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>A message was queued.</summary>
    public void Arrived() => Interlocked.Exchange(ref _next, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
