namespace IntegrationHub.Cli.Bench;

/// <summary>The raw Azure SDK baseline: deliveries' worth of storage operations completed per second, and how many
/// storage requests each delivery took (counted over whole deliveries, the queue receives included).</summary>
internal sealed record RawBaselineResult(long Deliveries, TimeSpan Elapsed, double OperationsPerDelivery)
{
    public double DeliveriesPerSecond => Elapsed > TimeSpan.Zero ? Deliveries / Elapsed.TotalSeconds : 0;

    public double OperationsPerSecond => DeliveriesPerSecond * OperationsPerDelivery;
}
