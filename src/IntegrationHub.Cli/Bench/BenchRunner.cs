using System.Net.Http.Json;
using System.Text.Json;
using IntegrationHub.Cli.Match;

namespace IntegrationHub.Cli.Bench;

/// <summary>Runs <c>hub bench ingest</c>: a warm-up, then the open-loop run at the given rate or the search for the
/// maximum sustained rate, then the raw SDK baseline; prints the report. Exit 0 when every delivery was accepted, 1
/// otherwise (or when the hub cannot be reached), 2 for a usage problem.</summary>
internal static class BenchRunner
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(
        IngestSettings settings, IConfiguration configuration, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        IReadOnlyList<BenchConnection> connections;
        try
        {
            connections = BenchConnections.Resolve(configuration, settings.Connections, settings.Secrets);
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync($"hub bench ingest: {usage.Message}");
            return CliExitCodes.Usage;
        }
        var storage = settings.Storage ?? configuration["AzureWebJobsStorage"];
        if (settings.RawBaseline && string.IsNullOrEmpty(storage))
        {
            await error.WriteLineAsync("hub bench ingest: --raw-baseline needs the hub's storage (AzureWebJobsStorage, or --storage).");
            return CliExitCodes.Usage;
        }

        using var hub = CreateClient(settings.Url);
        var ingest = new IngestRun(hub, connections, settings.Plan, time);
        var progress = settings.Json ? TextWriter.Null : error;
        try
        {
            if (settings.Warmup > TimeSpan.Zero)
            {
                await progress.WriteLineAsync($"warming up for {settings.Warmup.TotalSeconds:0.#} s…");
                await ingest.RunAsync(settings.Rate, settings.Warmup, cancellationToken);
            }
            IngestResult? run = null;
            MaxThroughputResult? max = null;
            if (settings.Max)
            {
                var search = new MaxThroughputSearch(
                    rate => ingest.RunAsync(rate, settings.Duration, cancellationToken),
                    () => DrainAsync(hub, time, cancellationToken),
                    settings.Criteria);
                max = await search.RunAsync(settings.Rate, (step, sustained) => progress.WriteLine(
                    $"  {step.OfferedRate:0}/s: {(sustained ? "sustained" : "not sustained")} (accepted {step.AcceptedPerSecond:0.0}/s, ack p99 {step.Ack.P99:0.0} ms, freshness p95 {step.Freshness.P95:0} ms)"));
            }
            else
            {
                await progress.WriteLineAsync($"sending {settings.Rate:0.#}/s for {settings.Duration.TotalSeconds:0.#} s…");
                run = await ingest.RunAsync(settings.Rate, settings.Duration, cancellationToken);
            }
            RawBaselineResult? raw = null;
            if (settings.RawBaseline)
            {
                await DrainAsync(hub, time, cancellationToken);
                await progress.WriteLineAsync($"raw SDK baseline for {settings.Duration.TotalSeconds:0.#} s…");
                raw = await new RawStorageBaseline(storage!, connections, settings.Plan, time)
                    .RunAsync(settings.Duration, settings.RawConcurrency, cancellationToken);
            }

            var report = new IngestReport(settings.Url.ToString(), [.. connections.Select(c => $"{c.Name} ({c.Provider})")], run, max, raw);
            if (settings.Json)
            {
                await output.WriteLineAsync(report.ToJson());
            }
            else
            {
                await report.WriteTextAsync(output);
            }
            var measured = run ?? (max is { Steps.Count: > 0 } ? max.Steps[0] : null);
            return measured is not null && measured.Accepted == measured.Sent ? CliExitCodes.Success : CliExitCodes.Failure;
        }
        catch (HttpRequestException unreachable)
        {
            await error.WriteLineAsync($"Could not reach the hub at {settings.Url}: {unreachable.Message}");
            return CliExitCodes.Failure;
        }
    }

    /// <summary>A client that opens as many connections as the open loop needs: a pool limit would queue sends inside
    /// the client and hide the hub's latency.</summary>
    private static HttpClient CreateClient(Uri url) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 4096,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Waits for the hub's queue to empty, so one step's backlog does not count against the next.</summary>
    private static async Task DrainAsync(HttpClient hub, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < DrainTimeout)
        {
            using var response = await hub.GetAsync("api/health", cancellationToken);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (health.TryGetProperty("queueDepth", out var depth) && depth.ValueKind == JsonValueKind.Number && depth.GetInt64() == 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }
    }
}
