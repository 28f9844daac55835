using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Polly;
using Polly.Retry;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone host's way of running workflow steps: call them directly, retrying transient failures
/// the way Durable activity retry options do in the Functions app.</summary>
internal sealed class ResilientProcessEventSteps(IProcessEventSteps inner, TimeProvider time) : IProcessEventSteps
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => !ProcessingFailures.IsPermanent(ex)),
        })
        .Build();

    public Task<NormalisedDelivery> NormaliseAsync(ProcessEventInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.NormaliseAsync(input)).AsTask();

    public Task RecordUnmappedAsync(RecordUnmappedInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.RecordUnmappedAsync(input)).AsTask();

    public Task<string?> ResolveProfileAsync(ResolveProfileInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.ResolveProfileAsync(input)).AsTask();

    public Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.MergeProfileAsync(input)).AsTask();

    public Task AppendTimelineAsync(AppendTimelineInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.AppendTimelineAsync(input)).AsTask();
}
