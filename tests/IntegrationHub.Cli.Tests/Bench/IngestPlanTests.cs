using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class IngestPlanTests
{
    [Fact]
    public void IsSampled_FivePercent_EveryTwentieth()
    {
        var sut = new IngestPlan(1000, 0.05, TimeSpan.FromSeconds(30));

        var sampled = Enumerable.Range(0, 200).Where(i => sut.IsSampled(i)).ToList();

        Assert.Equal([0, 20, 40, 60, 80, 100, 120, 140, 160, 180], sampled);
    }

    [Fact]
    public void IsSampled_Zero_Never()
    {
        var sut = new IngestPlan(10, 0, TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(Enumerable.Range(0, 100), i => sut.IsSampled(i));
    }

    [Fact]
    public void PersonOf_OneRound_EveryPersonOnceAndNeighboursApart()
    {
        var sut = new IngestPlan(1000, 0.05, TimeSpan.FromSeconds(30));

        var people = Enumerable.Range(0, 1000).Select(i => sut.PersonOf(i)).ToList();

        Assert.Equal(1000, people.Distinct().Count());
        Assert.All(people, p => Assert.InRange(p, 0, 999));
        Assert.NotEqual(people[0] + 1, people[1]);
    }
}
