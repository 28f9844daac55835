using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class OpenLoopScheduleTests
{
    [Fact]
    public void Count_RateTimesDuration_WholeDeliveries()
    {
        Assert.Equal(6000, new OpenLoopSchedule(100, TimeSpan.FromSeconds(60)).Count);
        Assert.Equal(3, new OpenLoopSchedule(1.5, TimeSpan.FromSeconds(2.5)).Count);
    }

    [Fact]
    public void DueAt_FixedInterval_IndependentOfAnythingElse()
    {
        var sut = new OpenLoopSchedule(40, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.Zero, sut.DueAt(0));
        Assert.Equal(TimeSpan.FromMilliseconds(25), sut.DueAt(1));
        Assert.Equal(TimeSpan.FromMilliseconds(975), sut.DueAt(39));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 1)]
    [InlineData(24.9, 1)]
    [InlineData(25, 2)]
    [InlineData(500, 21)]
    [InlineData(5000, 40)]
    public void DueBy_Elapsed_CountsDeliveriesDueAtOrBefore(double elapsedMs, long expected)
    {
        var sut = new OpenLoopSchedule(40, TimeSpan.FromSeconds(1));

        Assert.Equal(expected, sut.DueBy(TimeSpan.FromMilliseconds(elapsedMs)));
    }

    [Fact]
    public void DueBy_EveryDueTime_AgreesWithDueAt()
    {
        var sut = new OpenLoopSchedule(333, TimeSpan.FromSeconds(3));

        for (long i = 0; i < sut.Count; i++)
        {
            Assert.Equal(i + 1, sut.DueBy(sut.DueAt(i)));
            Assert.Equal(i, sut.DueBy(sut.DueAt(i) - TimeSpan.FromTicks(1)));
        }
    }

    [Fact]
    public void Constructor_NonPositiveRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenLoopSchedule(0, TimeSpan.FromSeconds(1)));
    }
}
