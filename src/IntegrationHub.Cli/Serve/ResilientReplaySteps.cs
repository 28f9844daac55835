using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.Replay;
using Polly;

namespace IntegrationHub.Cli.Serve;

/// <summary>The standalone host's way of running replay steps: directly, under the same retry as processing, and
/// stopping at the next step once <paramref name="stopping"/> fires (the job keeps its saved cursor and is resumed on
/// the next start).</summary>
internal sealed class ResilientReplaySteps(IReplaySteps inner, TimeProvider time, CancellationToken stopping) : IReplaySteps
{
    private readonly ResiliencePipeline _pipeline = StepRetry.Pipeline(time);

    public Task<ReplayCheckpoint> BeginAsync(ReplayInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.BeginAsync(input), stopping).AsTask();

    public Task<DeliveryIdPage> ReadPageAsync(ReadReplayPageInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.ReadPageAsync(input), stopping).AsTask();

    public Task EnqueueAsync(EnqueueReplayInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.EnqueueAsync(input), stopping).AsTask();

    public Task<ReplayCheckpoint> RecordProgressAsync(ReplayProgressInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.RecordProgressAsync(input), stopping).AsTask();

    public Task FinishAsync(FinishReplayInput input) =>
        _pipeline.ExecuteAsync(async _ => await inner.FinishAsync(input), stopping).AsTask();
}
