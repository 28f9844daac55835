using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class SustainedCriteriaTests
{
    private static readonly SustainedCriteria Sut = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2));

    [Fact]
    public void AreMetBy_AllAcceptedQuicklyAndFresh_True()
    {
        Assert.True(Sut.AreMetBy(Result()));
    }

    [Fact]
    public void AreMetBy_OneError_False()
    {
        Assert.False(Sut.AreMetBy(Result(accepted: 999, errors: new Dictionary<string, long> { ["503"] = 1 })));
    }

    [Fact]
    public void AreMetBy_AcceptedWellBelowOffered_False()
    {
        Assert.False(Sut.AreMetBy(Result(acceptedPerSecond: 90)));
    }

    [Fact]
    public void AreMetBy_SlowAcks_False()
    {
        Assert.False(Sut.AreMetBy(Result(ackP99: 501)));
    }

    [Fact]
    public void AreMetBy_ProcessingFallsBehind_False()
    {
        Assert.False(Sut.AreMetBy(Result(freshnessP95: 2500)));
        Assert.False(Sut.AreMetBy(Result(freshnessTimeouts: 1)));
    }

    private static IngestResult Result(
        long accepted = 1000, double acceptedPerSecond = 99, double ackP99 = 40, double freshnessP95 = 800,
        long freshnessTimeouts = 0, IReadOnlyDictionary<string, long>? errors = null) =>
        new(100, 1000, accepted, acceptedPerSecond, new LatencyStats((int)accepted, 5, 20, ackP99, 90),
            errors ?? new Dictionary<string, long>(), new LatencyStats(50, 300, freshnessP95, freshnessP95, 900), freshnessTimeouts);
}
