using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Polly;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone host's way of running workflow steps: call them directly, retrying transient failures
/// the way Durable activity retry options do in the Functions app.</summary>
internal sealed class ResilientProcessEventSteps(IProcessEventSteps inner, TimeProvider time) : IProcessEventSteps
{
    private readonly ResiliencePipeline _pipeline = StepRetry.Pipeline(time);

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

    public Task<MatchProfileResult> MatchProfileAsync(MatchProfileInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.MatchProfileAsync(input)).AsTask();

    public Task PublishProfileChangedAsync(PublishProfileChangedInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.PublishProfileChangedAsync(input)).AsTask();
}
