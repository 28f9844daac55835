using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class MaxThroughputSearchTests
{
    [Fact]
    public async Task RunAsync_HubKeepsUpTo130_StopsAtFirstMissAndReportsLastSustained()
    {
        var rates = new List<double>();
        var drains = 0;
        var sut = new MaxThroughputSearch(
            rate =>
            {
                rates.Add(rate);
                return Task.FromResult(Step(rate, keepsUp: rate <= 130));
            },
            () =>
            {
                drains++;
                return Task.CompletedTask;
            },
            new SustainedCriteria(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));

        var result = await sut.RunAsync(80);

        Assert.Equal([80, 100, 125, 156], rates);
        Assert.Equal(4, drains);
        Assert.Equal(125, result.Best!.OfferedRate);
        Assert.Equal(125, result.MaxSustainedPerSecond);
        Assert.Equal(4, result.Steps.Count);
    }

    [Fact]
    public async Task RunAsync_NotEvenTheFirstStep_NoBest()
    {
        var sut = new MaxThroughputSearch(
            rate => Task.FromResult(Step(rate, keepsUp: false)), () => Task.CompletedTask,
            new SustainedCriteria(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)));

        var result = await sut.RunAsync(80);

        Assert.Null(result.Best);
        Assert.Equal(0, result.MaxSustainedPerSecond);
        Assert.Single(result.Steps);
    }

    private static IngestResult Step(double rate, bool keepsUp) =>
        new(rate, 100, 100, rate, new LatencyStats(100, 5, 10, 20, 30), new Dictionary<string, long>(),
            new LatencyStats(5, 200, keepsUp ? 400 : 9000, keepsUp ? 400 : 9000, 9000), 0);
}
