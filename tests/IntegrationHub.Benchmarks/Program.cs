using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// Results go to artifacts/benchmarks, beside the build output this runs from (artifacts/bin/IntegrationHub.Benchmarks/…).
var results = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "benchmarks"));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(results));
