using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using IntegrationHub.Functions.Workflows;
using Microsoft.DurableTask;

namespace IntegrationHub.Functions.Operations;

/// <summary>The Functions app's way of running replay steps: each one a Durable activity, with the same retries as
/// processing.</summary>
internal sealed class DurableReplaySteps(TaskOrchestrationContext context) : IReplaySteps
{
    public Task<ReplayCheckpoint> BeginAsync(ReplayInput input) =>
        context.CallActivityAsync<ReplayCheckpoint>(nameof(BeginReplay), input, DurableProcessEventSteps.Retry);

    public Task<DeliveryIdPage> ReadPageAsync(ReadReplayPageInput input) =>
        context.CallActivityAsync<DeliveryIdPage>(nameof(ReadReplayPage), input, DurableProcessEventSteps.Retry);

    public Task EnqueueAsync(EnqueueReplayInput input) =>
        context.CallActivityAsync(nameof(EnqueueReplay), input, DurableProcessEventSteps.Retry);

    public Task<ReplayCheckpoint> RecordProgressAsync(ReplayProgressInput input) =>
        context.CallActivityAsync<ReplayCheckpoint>(nameof(RecordReplayProgress), input, DurableProcessEventSteps.Retry);

    public Task FinishAsync(FinishReplayInput input) =>
        context.CallActivityAsync(nameof(FinishReplay), input, DurableProcessEventSteps.Retry);
}
