namespace IntegrationHub.Cli.Bench;

/// <summary>The raw Azure SDK baseline: deliveries' worth of storage operations completed per second.</summary>
internal sealed record RawBaselineResult(long Deliveries, TimeSpan Elapsed, long Operations)
{
    public double DeliveriesPerSecond => Elapsed > TimeSpan.Zero ? Deliveries / Elapsed.TotalSeconds : 0;

    public double OperationsPerSecond => Elapsed > TimeSpan.Zero ? Operations / Elapsed.TotalSeconds : 0;

    public double OperationsPerDelivery => Deliveries > 0 ? (double)Operations / Deliveries : 0;
}
