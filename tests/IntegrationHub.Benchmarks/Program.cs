using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using IntegrationHub.Benchmarks;
using Perfolizer.Horology;

// Results go to artifacts/benchmarks, beside the build output this runs from (artifacts/bin/IntegrationHub.Benchmarks/…).
// Building the generated benchmark project on a busy two-core machine can outlast BenchmarkDotNet's two-minute default.
var results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "benchmarks"));

// Each call takes microseconds: 100 ms iterations keep the whole run to minutes on two cores, and ten of them (rather
// than ShortRun's three) give each mean a usable error bar.
var job = Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithIterationTime(TimeInterval.FromMilliseconds(100));

// --cpu-time: time each iteration by the thread's CPU time instead of the wall clock, for a machine other work shares;
// in this process, since a custom clock cannot be handed to a separate benchmark process.
if (args.Contains("--cpu-time"))
{
    args = [.. args.Where(a => a != "--cpu-time")];
    job = job.WithClock(new ThreadCpuClock()).WithToolchain(InProcessEmitToolchain.Instance).WithId("CpuTime");
}
var config = DefaultConfig.Instance.WithArtifactsPath(results).WithBuildTimeout(TimeSpan.FromMinutes(10)).AddJob(job);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
