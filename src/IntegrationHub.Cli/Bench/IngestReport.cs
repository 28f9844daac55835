using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationHub.Cli.Bench;

/// <summary>Everything <c>hub bench ingest</c> measured, written as text for people or JSON for scripts.</summary>
internal sealed record IngestReport(
    string Url,
    IReadOnlyList<string> Connections,
    IngestResult? Run,
    MaxThroughputResult? Max,
    RawBaselineResult? Raw)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };

    /// <summary>Hub maximum sustained throughput over the raw SDK's, when both were measured.</summary>
    public double? Ratio => Max is { Best: not null } max && Raw is { DeliveriesPerSecond: > 0 } raw
        ? max.MaxSustainedPerSecond / raw.DeliveriesPerSecond
        : null;

    public string ToJson() => JsonSerializer.Serialize(new
    {
        url = Url,
        connections = Connections,
        run = Run,
        max = Max is null ? null : new { maxSustainedPerSecond = Max.MaxSustainedPerSecond, steps = Max.Steps },
        raw = Raw is null ? null : new
        {
            deliveries = Raw.Deliveries,
            seconds = Raw.Elapsed.TotalSeconds,
            deliveriesPerSecond = Raw.DeliveriesPerSecond,
            operationsPerSecond = Raw.OperationsPerSecond,
            operationsPerDelivery = Raw.OperationsPerDelivery,
        },
        ratio = Ratio,
    }, Json);

    public async Task WriteTextAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"hub bench ingest → {Url} on {string.Join(", ", Connections)}");
        if (Run is not null)
        {
            await WriteRunAsync(output, Run, "");
        }
        if (Max is not null)
        {
            await output.WriteLineAsync("maximum sustained throughput:");
            foreach (var step in Max.Steps)
            {
                await output.WriteLineAsync(
                    $"  {step.OfferedRate,6:0}/s  accepted {step.AcceptedPerSecond,7:0.0}/s  ack p99 {Ms(step.Ack.P99)}  freshness p95 {Ms(step.Freshness.P95)}  errors {step.ErrorCount}  {(ReferenceEquals(step, Max.Best) ? "← best sustained" : "")}");
            }
            await output.WriteLineAsync(Max.Best is null
                ? "  not sustained even at the starting rate"
                : Invariant($"  max sustained   {Max.MaxSustainedPerSecond:0.0} deliveries/s"));
        }
        if (Raw is not null)
        {
            await output.WriteLineAsync(Invariant(
                $"raw SDK baseline  {Raw.DeliveriesPerSecond:0.0} deliveries/s ({Raw.OperationsPerSecond:0} storage operations/s, {Raw.OperationsPerDelivery:0.00} per delivery, {Raw.Deliveries} in {Raw.Elapsed.TotalSeconds:0.0} s)"));
        }
        if (Ratio is { } ratio)
        {
            await output.WriteLineAsync(Invariant($"hub max sustained / raw SDK = {ratio:P0}"));
        }
    }

    private static async Task WriteRunAsync(TextWriter output, IngestResult run, string indent)
    {
        await output.WriteLineAsync(Invariant(
            $"{indent}offered         {run.OfferedRate:0.#}/s, {run.Sent} deliveries"));
        await output.WriteLineAsync(Invariant(
            $"{indent}accepted        {run.Accepted} ({run.AcceptedPerSecond:0.0}/s)"));
        await output.WriteLineAsync($"{indent}errors          {(run.Errors.Count == 0 ? "none" : string.Join(", ", run.Errors.Select(e => $"{e.Key}: {e.Value}")))}");
        await output.WriteLineAsync(
            $"{indent}ack latency     p50 {Ms(run.Ack.P50)}  p95 {Ms(run.Ack.P95)}  p99 {Ms(run.Ack.P99)}  max {Ms(run.Ack.Max)}  (from the scheduled send)");
        await output.WriteLineAsync(
            $"{indent}freshness       p50 {Ms(run.Freshness.P50)}  p95 {Ms(run.Freshness.P95)}  ({run.Freshness.Count} sampled, {run.FreshnessTimeouts} timed out)");
    }

    private static string Ms(double milliseconds) =>
        double.IsNaN(milliseconds) ? "—" : Invariant($"{milliseconds:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
