using System.Diagnostics;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>One timed run of the engine, with the process's peak memory after it.</summary>
internal sealed record BenchmarkRun(
    string Dataset, int Records, PairwiseScore? Score, long AllPairs, long PairsCompared, TimeSpan Elapsed, TimeSpan Cpu, long PeakWorkingSet)
{
    public static BenchmarkRun Measure(LabelledList list, MatchOptions options, IProgress<MatchProgress>? progress = null, int explain = 0)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var result = new ProbabilisticMatcher(options).Match(list.Records, progress);
        stopwatch.Stop();
        if (explain > 0)
        {
            Diagnostics.Print(list, result, explain, Console.Error);
        }
        process.Refresh();
        var score = PairwiseScore.Of(result.Clusters, list.Truth);
        return new BenchmarkRun(
            list.Name, list.Records.Count, score, result.Statistics.AllPairs, result.Statistics.PairsCompared, stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, process.PeakWorkingSet64);
    }
}
