using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Tests.Matching;

/// <summary>A model learned by EM from the FEBRL fixture, once per test run: the pipeline's tests score with learned
/// weights, never hand-set ones.</summary>
internal static class LearnedModel
{
    private static readonly Lazy<MatchModel> Model = new(() =>
    {
        var (records, _) = LinkageFixture.Febrl("dataset1.csv");
        return new ProbabilisticMatcher(new MatchOptions { RandomPairSample = 200_000 }).Match(records).Model;
    });

    public static MatchModel Febrl => Model.Value;
}
