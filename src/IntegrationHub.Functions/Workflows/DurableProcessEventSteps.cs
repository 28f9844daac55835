using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Workflows.ProcessEvent;
using Microsoft.DurableTask;

namespace IntegrationHub.Functions.Workflows;

/// <summary>The Functions app's way of running workflow steps: each one a Durable activity with retries.</summary>
internal sealed class DurableProcessEventSteps(TaskOrchestrationContext context) : IProcessEventSteps
{
    /// <summary>Transient storage failures are retried with backoff, as the standalone host's Polly pipeline does.</summary>
    internal const int MaxAttempts = 5;

    internal static TaskOptions Retry { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30)));

    public Task<NormalisedDelivery> NormaliseAsync(ProcessEventInput input) =>
        context.CallActivityAsync<NormalisedDelivery>(nameof(NormaliseDelivery), input, Retry);

    public Task RecordUnmappedAsync(RecordUnmappedInput input) =>
        context.CallActivityAsync(nameof(RecordUnmapped), input, Retry);

    public Task<string?> ResolveProfileAsync(ResolveProfileInput input) =>
        context.CallActivityAsync<string?>(nameof(ResolveProfile), input, Retry);

    public Task<MergeProfileResult> MergeProfileAsync(MergeProfileInput input) =>
        context.CallActivityAsync<MergeProfileResult>(nameof(MergeProfile), input, Retry);

    public Task AppendTimelineAsync(AppendTimelineInput input) =>
        context.CallActivityAsync(nameof(AppendTimeline), input, Retry);

    public Task<MatchProfileResult> MatchProfileAsync(MatchProfileInput input) =>
        context.CallActivityAsync<MatchProfileResult>(nameof(MatchProfile), input, Retry);

    public Task PublishProfileChangedAsync(PublishProfileChangedInput input) =>
        context.CallActivityAsync(nameof(PublishProfileChanged), input, Retry);
}
