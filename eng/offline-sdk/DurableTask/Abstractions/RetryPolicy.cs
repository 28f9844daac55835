// Compile-only stand-in for Microsoft.DurableTask.Abstractions (as pulled in by Microsoft.Azure.Functions.Worker.Extensions.DurableTask 1.19.0): RetryPolicy, RetryHandler, AsyncRetryHandler, RetryContext. Data carriers hold their values.
namespace Microsoft.DurableTask;

/// <summary>A declarative retry policy that can be configured for activity or sub-orchestration calls.</summary>
public class RetryPolicy
{
    public RetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        if (maxNumberOfAttempts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNumberOfAttempts), maxNumberOfAttempts, $"The value for {nameof(maxNumberOfAttempts)} must be greater than zero.");
        }

        if (firstRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRetryInterval), firstRetryInterval, $"The value for {nameof(firstRetryInterval)} must be greater than zero.");
        }

        if (backoffCoefficient < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(backoffCoefficient), backoffCoefficient, $"The value for {nameof(backoffCoefficient)} must be greater or equal to 1.0.");
        }

        if (maxRetryInterval < firstRetryInterval && maxRetryInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRetryInterval), maxRetryInterval, $"The value for {nameof(maxRetryInterval)} must be greater or equal to the value for {nameof(firstRetryInterval)}.");
        }

        if (retryTimeout < firstRetryInterval && retryTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(retryTimeout), retryTimeout, $"The value for {nameof(retryTimeout)} must be greater or equal to the value for {nameof(firstRetryInterval)}.");
        }

        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
        Handle = _ => true;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan MaxRetryInterval { get; }

    public TimeSpan RetryTimeout { get; }

    public Func<Exception, bool> Handle { get; private init; }

    /// <summary>
    /// Filters retries by failure details. The real SDK maps the DurableTask.Core exception it receives to
    /// <see cref="TaskFailureDetails"/>; that runtime type does not exist here, so the resulting
    /// <see cref="Handle"/> delegate throws.
    /// </summary>
    public Func<TaskFailureDetails, bool> HandleTaskFailureDetails
    {
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            Handle = _ => throw new NotSupportedException(global::OfflineSdk.DurableTask.Messages.CompileOnly);
        }
    }
}

/// <summary>Delegate for manually handling task retries.</summary>
public delegate bool RetryHandler(RetryContext retryContext);

/// <inheritdoc cref="RetryHandler"/>
public delegate Task<bool> AsyncRetryHandler(RetryContext retryContext);

/// <summary>Retry context data that's provided to task retry handler implementations.</summary>
public record RetryContext(
    TaskOrchestrationContext OrchestrationContext,
    int LastAttemptNumber,
    TaskFailureDetails LastFailure,
    TimeSpan TotalRetryTime,
    CancellationToken CancellationToken);
