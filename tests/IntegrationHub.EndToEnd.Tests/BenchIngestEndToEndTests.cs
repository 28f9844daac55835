using System.Diagnostics;
using System.Text.Json;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary><c>hub bench ingest</c> against the test <c>hub serve</c>: a short run whose report has every figure and
/// whose deliveries were all accepted. Nothing here asserts a timing.</summary>
[Collection(HubCollection.Name)]
public sealed class BenchIngestEndToEndTests(HubFixture hub)
{
    [Fact]
    public async Task BenchIngest_ShortRunWithRawBaseline_EveryDeliveryAcceptedAndTheReportComplete()
    {
        var (exitCode, output, error) = await RunHubAsync(
            ["bench", "ingest", "--rate", "20", "--duration", "3s", "--connections", HubFixture.Connection,
             "--url", hub.Hub.BaseAddress.ToString(), "--people", "10", "--raw-baseline", "--raw-concurrency", "4", "--json"],
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = hub.StorageConnectionString,
                [$"Hub__Connections__{HubFixture.Connection}__Provider"] = "standard-webhooks",
                [$"Hub__Connections__{HubFixture.Connection}__Secrets__0"] = HubFixture.Secret,
            });

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}\n{output}");
        using var report = JsonDocument.Parse(output);
        var run = report.RootElement.GetProperty("run");
        Assert.Equal(60, run.GetProperty("sent").GetInt64());
        Assert.Equal(60, run.GetProperty("accepted").GetInt64());
        Assert.Empty(run.GetProperty("errors").EnumerateObject());
        var ack = run.GetProperty("ack");
        Assert.Equal(60, ack.GetProperty("count").GetInt32());
        Assert.All(["p50", "p95", "p99", "max"], p => Assert.True(ack.GetProperty(p).GetDouble() > 0, p));
        Assert.True(ack.GetProperty("p50").GetDouble() <= ack.GetProperty("p99").GetDouble());
        // Every 20th delivery (5%) is about a new person whose profile is polled until readable.
        Assert.Equal(3, run.GetProperty("freshness").GetProperty("count").GetInt32());
        Assert.Equal(0, run.GetProperty("freshnessTimeouts").GetInt64());
        var raw = report.RootElement.GetProperty("raw");
        Assert.True(raw.GetProperty("deliveries").GetInt64() > 0);
        Assert.InRange(raw.GetProperty("operationsPerDelivery").GetDouble(), 8, 16);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("max").ValueKind);
    }

    [Fact]
    public async Task BenchIngest_UnconfiguredConnection_UsageErrorAndNothingSent()
    {
        var (exitCode, _, error) = await RunHubAsync(
            ["bench", "ingest", "--rate", "20", "--duration", "1s", "--connections", "nowhere", "--url", hub.Hub.BaseAddress.ToString()],
            new Dictionary<string, string>());

        Assert.Equal(2, exitCode);
        Assert.Contains("'nowhere' is not configured", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunHubAsync(
        IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(HubProcess.HubDll());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start hub.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
