namespace IntegrationHub.Cli.Bench;

/// <summary>Finds the highest sustained rate: runs at increasing rates (each <see cref="StepFactor"/> times the last),
/// letting the hub's queue drain between steps, until a step misses <see cref="SustainedCriteria"/>; the last step
/// that met them is the maximum.</summary>
internal sealed class MaxThroughputSearch(Func<double, Task<IngestResult>> runStep, Func<Task> drain, SustainedCriteria criteria)
{
    public double StepFactor { get; init; } = 1.25;

    public int MaxSteps { get; init; } = 12;

    public async Task<MaxThroughputResult> RunAsync(double startRate, Action<IngestResult, bool>? onStep = null)
    {
        var steps = new List<(IngestResult Result, bool Sustained)>();
        var rate = startRate;
        for (var i = 0; i < MaxSteps; i++)
        {
            await drain();
            var result = await runStep(rate);
            var sustained = criteria.AreMetBy(result);
            steps.Add((result, sustained));
            onStep?.Invoke(result, sustained);
            if (!sustained)
            {
                break;
            }
            rate = Math.Round(rate * StepFactor);
        }
        var best = steps.Where(s => s.Sustained).Select(s => s.Result).LastOrDefault();
        return new MaxThroughputResult(best, [.. steps.Select(s => s.Result)]);
    }
}
