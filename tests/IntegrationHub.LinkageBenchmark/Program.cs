using System.Diagnostics;
using System.Globalization;
using IntegrationHub.Core.Matching;
using IntegrationHub.LinkageBenchmark;

// The linkage benchmark: the engine behind `hub match` on FEBRL 1-3 and Splink's fake_1000 (each in its own process,
// so that peak memory is the dataset's own), and on a seeded synthetic list (--scale N).
//   dotnet run -c Release --project tests/IntegrationHub.LinkageBenchmark [-- --scale 1000000 [--seed 7]]
var arguments = args.ToList();
string? Value(string name)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
}

var options = new MatchOptions();
var explain = int.Parse(Value("--explain") ?? "0", CultureInfo.InvariantCulture);
if (Value("--dataset") is { } single)
{
    var run = BenchmarkRun.Measure(Datasets.Load(single), options, explain: explain);
    Console.WriteLine(Report.Line(run));
    return 0;
}
if (Value("--scale") is { } scaleText)
{
    var count = int.Parse(scaleText, CultureInfo.InvariantCulture);
    var seed = int.Parse(Value("--seed") ?? "7", CultureInfo.InvariantCulture);
    var generate = Stopwatch.StartNew();
    var list = new SyntheticPeople(seed).Generate(count);
    Console.Error.WriteLine($"generated {count:N0} records (seed {seed}) in {generate.Elapsed.TotalSeconds:0.0} s");
    var progress = new Progress<MatchProgress>(p => Console.Error.Write($"\r{p.Stage,-11} {p.Done,14:N0} / {p.Total:N0}   "));
    var run = BenchmarkRun.Measure(list, options, progress, explain);
    Console.Error.WriteLine();
    Console.WriteLine(Report.Header);
    Console.WriteLine(Report.Row(run));
    Console.WriteLine($"target: under 3 min and 4 GiB for 1,000,000 on this {Environment.ProcessorCount}-core machine");
    return 0;
}

Console.WriteLine(Report.Header);
var failed = false;
foreach (var (name, target) in Datasets.Targets)
{
    // Run as the apphost or as `dotnet benchmark.dll`: start the child the same way.
    var host = Environment.ProcessPath!;
    string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
        ? [typeof(Datasets).Assembly.Location, "--dataset", name]
        : ["--dataset", name];
    var child = Process.Start(new ProcessStartInfo(host, childArgs) { RedirectStandardOutput = true })!;
    var line = (await child.StandardOutput.ReadToEndAsync()).Trim();
    await child.WaitForExitAsync();
    var run = Report.Parse(line);
    var met = run.Score!.F1 >= target;
    failed |= !met;
    Console.WriteLine($"{Report.Row(run)} | F1 >= {target:0.00} {(met ? "met" : "MISSED")}");
}
return failed ? 1 : 0;
