using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Tests.Matching;

public sealed class DecisionTests
{
    [Fact]
    public void Match_ReviewBand_SuggestsButNeverLinks()
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        var options = new MatchOptions { Threshold = 1 - 1e-12, ReviewThreshold = 1e-6, RandomPairSample = 200_000 };

        var result = new ProbabilisticMatcher(options).Match(records);

        Assert.NotEmpty(result.Suggestions);
        var links = result.Links.Select(l => (l.A, l.B)).ToHashSet();
        var linked = result.Links.SelectMany(l => new[] { l.A, l.B }).ToHashSet();
        foreach (var suggestion in result.Suggestions)
        {
            Assert.InRange(suggestion.Probability, options.ReviewThreshold, options.Threshold);
            Assert.True(suggestion.Probability < options.Threshold);
            Assert.DoesNotContain((suggestion.A, suggestion.B), links);
            if (!linked.Contains(suggestion.A) && !linked.Contains(suggestion.B))
            {
                Assert.NotEqual(result.Clusters[suggestion.A], result.Clusters[suggestion.B]);
            }
        }
    }

    [Fact]
    public void Match_TwoLists_LinksOnlyAcrossTheLists()
    {
        var (febrl, truth) = LinkageFixture.Febrl("dataset1.csv");
        var records = febrl.Select(r => Copy(r, r.Id.EndsWith("-org", StringComparison.Ordinal) ? 0 : 1)).ToList();

        var result = new ProbabilisticMatcher(new MatchOptions { RandomPairSample = 200_000 }).Match(records);

        var left = records.Count(r => r.Source == 0);
        Assert.Equal((long)left * (records.Count - left), result.Statistics.AllPairs);
        Assert.NotEmpty(result.Links);
        Assert.All(result.Links, link => Assert.NotEqual(records[link.A].Source, records[link.B].Source));
        Assert.All(result.Links, link => Assert.Equal(truth[link.A], truth[link.B]));
    }

    [Fact]
    public void Match_SameListTwice_SameClusters()
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        var subset = records.Take(400).ToList();

        var first = new ProbabilisticMatcher(new MatchOptions()).Match(subset);
        var second = new ProbabilisticMatcher(new MatchOptions()).Match(subset);

        Assert.Equal(first.Clusters, second.Clusters);
        Assert.Equal(first.Links, second.Links);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.5, 0.5)]
    [InlineData(0.9, 0.95)]
    public void Match_InvalidThresholds_Throws(double threshold, double review)
    {
        var matcher = new ProbabilisticMatcher(new MatchOptions { Threshold = threshold, ReviewThreshold = review });

        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.Match([new MatchRecord("1") { [MatchRole.FirstName] = "ada" }]));
    }

    private static MatchRecord Copy(MatchRecord record, int source)
    {
        var copy = new MatchRecord(record.Id, source);
        foreach (var role in MatchRoles.All)
        {
            copy.Set(role, record[role]);
        }
        return copy;
    }
}
