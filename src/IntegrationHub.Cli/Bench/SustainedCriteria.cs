namespace IntegrationHub.Cli.Bench;

/// <summary>When a rate counts as sustained: every delivery accepted, at the offered rate (within 5%), answered within
/// <paramref name="AckP99Limit"/> at the 99th percentile, and processed so that profiles were readable within
/// <paramref name="FreshnessP95Limit"/> at the 95th — a hub whose workers fall behind shows it there, as a backlog
/// that grows through the run.</summary>
internal sealed record SustainedCriteria(TimeSpan AckP99Limit, TimeSpan FreshnessP95Limit)
{
    public bool AreMetBy(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.ErrorCount == 0
            && result.Accepted == result.Sent
            && result.AcceptedPerSecond >= 0.95 * result.OfferedRate
            && result.Ack.P99 <= AckP99Limit.TotalMilliseconds
            && result.FreshnessTimeouts == 0
            && (result.Freshness.Count == 0 || result.Freshness.P95 <= FreshnessP95Limit.TotalMilliseconds);
    }
}
