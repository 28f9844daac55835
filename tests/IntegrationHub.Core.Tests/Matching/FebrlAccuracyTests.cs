using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Tests.Matching;

/// <summary>The accuracy guard: FEBRL 1 (1,000 records, 500 true pairs) through the engine with default options.
/// The full benchmark (FEBRL 1–3, Splink's fake_1000, a million synthetic people) is tests/IntegrationHub.LinkageBenchmark.</summary>
public sealed class FebrlAccuracyTests
{
    private static readonly Lazy<(MatchResult Result, List<MatchRecord> Records, List<string> Truth)> Run = new(() =>
    {
        var (records, truth) = LinkageFixture.Febrl("dataset1.csv");
        return (new ProbabilisticMatcher(new MatchOptions()).Match(records), records, truth);
    });

    [Fact]
    public void Match_Febrl1_ReachesF1OfAtLeast095()
    {
        var (result, _, truth) = Run.Value;

        var (precision, recall, f1) = LinkageFixture.Score(result.Clusters, truth);

        Assert.True(f1 >= 0.95, $"F1 {f1:0.0000} (precision {precision:0.0000}, recall {recall:0.0000})");
    }

    [Fact]
    public void Match_Febrl1_ComparesFarFewerPairsThanAll()
    {
        var statistics = Run.Value.Result.Statistics;

        Assert.Equal(1_000 * 999 / 2, statistics.AllPairs);
        Assert.True(statistics.PairsCompared < statistics.AllPairs / 100, $"{statistics.PairsCompared} pairs compared");
    }

    [Fact]
    public void Explain_EveryLink_ContributionsSumToTheScore()
    {
        var result = Run.Value.Result;

        foreach (var link in result.Links)
        {
            var explanation = result.Explain(link.A, link.B);
            Assert.Equal(link.MatchWeight, explanation.PriorWeight + explanation.Fields.Sum(f => f.Weight), 9);
            Assert.Equal(link.MatchWeight, explanation.MatchWeight, 9);
            Assert.Equal(link.Probability, explanation.Probability, 9);
            Assert.Equal(result.Model.Fields.Count, explanation.Fields.Count);
        }
    }

    [Fact]
    public void Match_Febrl1_LearnsThatAgreementIsEvidenceAndDisagreementIsNot()
    {
        var model = Run.Value.Result.Model;

        foreach (var field in model.Fields)
        {
            Assert.True(field.Levels[0].Weight > 0, $"{field.Name} exact: {field.Levels[0].Weight}");
            Assert.True(field.Levels[^1].Weight < 0, $"{field.Name} different: {field.Levels[^1].Weight}");
        }
        Assert.InRange(model.Lambda, 1e-4, 1e-2);
    }
}
