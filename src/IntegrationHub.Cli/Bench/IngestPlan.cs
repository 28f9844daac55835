namespace IntegrationHub.Cli.Bench;

/// <summary>Who each delivery is about: deliveries cycle over <paramref name="People"/> people (so most update a profile
/// that exists), except every <c>1/FreshnessSample</c>-th, which is about a person of its own, so that its profile
/// becoming readable by email marks that very delivery as processed.</summary>
internal sealed record IngestPlan(int People, double FreshnessSample, TimeSpan FreshnessTimeout)
{
    private long SampleEvery => FreshnessSample <= 0 ? 0 : Math.Max(1, (long)Math.Round(1 / FreshnessSample));

    public bool IsSampled(long index) => SampleEvery > 0 && index % SampleEvery == 0;

    /// <summary>Spreads consecutive deliveries over different people (a stride coprime to most counts) so one person's
    /// updates do not arrive back to back.</summary>
    public long PersonOf(long index) => index * 7919 % Math.Max(People, 1);
}
