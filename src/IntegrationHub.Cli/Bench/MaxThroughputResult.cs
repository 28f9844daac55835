namespace IntegrationHub.Cli.Bench;

/// <summary>The steps of a maximum-throughput search and the best one sustained (null when even the first was not).</summary>
internal sealed record MaxThroughputResult(IngestResult? Best, IReadOnlyList<IngestResult> Steps)
{
    public double MaxSustainedPerSecond => Best?.AcceptedPerSecond ?? 0;
}
