using System.CommandLine;

namespace IntegrationHub.Cli.Bench;

/// <summary><c>hub bench ingest</c>: drives a running hub with signed deliveries at a fixed rate and reports what it
/// sustains, next to what raw storage does.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var options = new IngestOptions();
        var ingest = options.CreateCommand();
        ingest.SetAction(async (parse, cancellationToken) => await BenchRunner.RunAsync(
            options.Read(parse), BenchConnections.HubConfiguration(), Console.Out, Console.Error, TimeProvider.System, cancellationToken));
        return new Command("bench", "Measure a running hub.") { ingest };
    }
}
