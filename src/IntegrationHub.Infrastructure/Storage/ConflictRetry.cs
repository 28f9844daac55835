using Azure;
using Polly;
using Polly.Retry;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Optimistic concurrency on a table: when another writer got there first, read again and retry, briefly.</summary>
internal static class ConflictRetry
{
    /// <summary>Retries a read-modify-write up to <paramref name="maxAttempts"/> times on the statuses given.</summary>
    public static ResiliencePipeline Pipeline(TimeProvider time, int maxAttempts, params int[] statuses) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(e => statuses.Contains(e.Status)),
                MaxRetryAttempts = maxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(10),
                UseJitter = true,
            })
            .Build();
}
