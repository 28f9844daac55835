using IntegrationHub.Core.Workflows.ProcessEvent;
using Polly;
using Polly.Retry;

namespace IntegrationHub.Cli.Serve;

/// <summary>How the standalone host retries a workflow step: transient failures with jittered exponential backoff, the
/// way Durable activity retry options do in the Functions app; permanent ones not at all.</summary>
internal static class StepRetry
{
    public static ResiliencePipeline Pipeline(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && !ProcessingFailures.IsPermanent(ex)),
        })
        .Build();
}
