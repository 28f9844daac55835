using System.Globalization;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>The benchmark's table, and the one-line form a child process hands its result back in.</summary>
internal static class Report
{
    public const string Header =
        "dataset     | records   | precision | recall | F1     | pairs compared | all pairs (n²/2) | share   | time     | CPU      | peak memory";

    public static string Row(BenchmarkRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Dataset,-11} | {run.Records,9:N0} | {run.Score?.Precision,9:0.0000} | {run.Score?.Recall,6:0.0000} | {run.Score?.F1,6:0.0000} | {run.PairsCompared,14:N0} | {run.AllPairs,16:N0} | {(double)run.PairsCompared / run.AllPairs,7:0.00%} | {run.Elapsed.TotalSeconds,6:0.00} s | {run.Cpu.TotalSeconds,6:0.00} s | {run.PeakWorkingSet / 1048576.0,7:N0} MiB");

    public static string Line(BenchmarkRun run) => string.Join('\t', [
        run.Dataset, I(run.Records), I(run.Score!.TruePairs), I(run.Score.PredictedPairs), I(run.Score.CorrectPairs),
        I(run.AllPairs), I(run.PairsCompared), I(run.Elapsed.Ticks), I(run.Cpu.Ticks), I(run.PeakWorkingSet)]);

    public static BenchmarkRun Parse(string line)
    {
        var f = line.Split('\t');
        long L(int i) => long.Parse(f[i], CultureInfo.InvariantCulture);
        return new BenchmarkRun(f[0], (int)L(1), new PairwiseScore(L(2), L(3), L(4)), L(5), L(6), TimeSpan.FromTicks(L(7)), TimeSpan.FromTicks(L(8)), L(9));
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
