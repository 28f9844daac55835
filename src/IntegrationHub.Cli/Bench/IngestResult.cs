namespace IntegrationHub.Cli.Bench;

/// <summary>What one open-loop run measured.</summary>
/// <param name="OfferedRate">Deliveries per second the schedule sent.</param>
/// <param name="Sent">Deliveries sent.</param>
/// <param name="Accepted">Deliveries answered 202.</param>
/// <param name="AcceptedPerSecond">Accepted deliveries over the time from the first scheduled send to the last answer.</param>
/// <param name="Ack">Time from each delivery's scheduled send to its 202, in milliseconds.</param>
/// <param name="Errors">Deliveries not accepted, by status code (or the exception's name when no answer came).</param>
/// <param name="Freshness">Time from a sampled delivery's scheduled send to its profile being readable, in milliseconds.</param>
/// <param name="FreshnessTimeouts">Sampled deliveries whose profile did not become readable in time.</param>
internal sealed record IngestResult(
    double OfferedRate,
    long Sent,
    long Accepted,
    double AcceptedPerSecond,
    LatencyStats Ack,
    IReadOnlyDictionary<string, long> Errors,
    LatencyStats Freshness,
    long FreshnessTimeouts)
{
    public long ErrorCount => Errors.Values.Sum();
}
