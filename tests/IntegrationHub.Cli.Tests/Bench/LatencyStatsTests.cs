using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class LatencyStatsTests
{
    [Fact]
    public void Of_OneToHundred_NearestRankPercentiles()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();

        var stats = LatencyStats.Of(samples);

        Assert.Equal(new LatencyStats(100, 50, 95, 99, 100), stats);
    }

    [Fact]
    public void Of_TenSamples_P99IsTheLargest()
    {
        var stats = LatencyStats.Of([7, 3, 9, 1, 5, 2, 8, 4, 6, 10]);

        Assert.Equal(5, stats.P50);
        Assert.Equal(10, stats.P95);
        Assert.Equal(10, stats.P99);
        Assert.Equal(10, stats.Max);
    }

    [Fact]
    public void Of_OneSlowOutlierInTwoHundred_ShowsAtMaxNotP99()
    {
        var samples = Enumerable.Repeat(4.0, 199).Append(900);

        var stats = LatencyStats.Of(samples);

        Assert.Equal(4, stats.P99);
        Assert.Equal(900, stats.Max);
    }

    [Fact]
    public void Of_NoSamples_NotANumber()
    {
        var stats = LatencyStats.Of([]);

        Assert.Equal(0, stats.Count);
        Assert.True(double.IsNaN(stats.P50));
        Assert.True(double.IsNaN(stats.Max));
    }

    [Theory]
    [InlineData(50, 20)]
    [InlineData(25, 10)]
    [InlineData(26, 20)]
    [InlineData(100, 40)]
    public void Percentile_FourSamples_SmallestWithThatShareAtOrBelow(double percent, double expected)
    {
        Assert.Equal(expected, LatencyStats.Percentile([10, 20, 30, 40], percent));
    }
}
