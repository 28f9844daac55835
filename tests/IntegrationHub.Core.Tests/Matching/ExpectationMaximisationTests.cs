using IntegrationHub.Core.Matching;
using IntegrationHub.Core.Matching.Comparisons;
using IntegrationHub.Core.Matching.Estimation;

namespace IntegrationHub.Core.Tests.Matching;

public sealed class ExpectationMaximisationTests
{
    private static readonly double[] TrueM = [0.9, 0.85, 0.95];
    private static readonly double[] TrueU = [0.1, 0.05, 0.02];
    private const double TrueShare = 0.2;

    [Fact]
    public void FitCandidates_ToyMixture_ConvergesToTheParametersThatGeneratedIt()
    {
        var set = CreateSet();
        var counts = ExpectedCounts(set, 100_000);

        var uPrior = TrueU.Select(_ => new[] { 0.5, 0.5 }).ToArray();

        var fit = ExpectationMaximisation.FitCandidates(set, counts, uPrior, new MatchOptions { MaxIterations = 2_000, ConvergenceTolerance = 1e-9 });

        Assert.True(fit.Converged, $"not converged after {fit.Iterations} iterations");
        Assert.Equal(TrueShare, fit.MatchShare, 2);
        for (var c = 0; c < TrueM.Length; c++)
        {
            Assert.Equal(TrueM[c], fit.M[c][0], 2);
            Assert.Equal(TrueU[c], fit.U[c][0], 2);
        }
    }

    [Fact]
    public void FitPopulationU_RandomPairsContainingMatches_LeavesTheMatchesOutOfU()
    {
        var set = CreateSet();
        var counts = ExpectedCounts(set, 1_000_000);
        var m = TrueM.Select(p => new[] { p, 1 - p }).ToArray();

        var u = ExpectationMaximisation.FitPopulationU(set, counts, m, TrueShare, new MatchOptions { ConvergenceTolerance = 1e-10 });

        for (var c = 0; c < TrueU.Length; c++)
        {
            Assert.Equal(TrueU[c], u[c][0], 3);
        }
    }

    private static ComparisonSet CreateSet() =>
        new([new ExactComparison(MatchRole.FirstName), new ExactComparison(MatchRole.LastName), new ExactComparison(MatchRole.DateOfBirth)]);

    /// <summary>Pair counts per comparison vector exactly as the mixture predicts (level 0 agree, 1 differ).</summary>
    private static Dictionary<long, long> ExpectedCounts(ComparisonSet set, int pairs)
    {
        var counts = new Dictionary<long, long>();
        for (var bits = 0; bits < 8; bits++)
        {
            var levels = Enumerable.Range(0, 3).Select(c => (bits >> c) & 1).ToArray();
            var match = TrueShare;
            var nonMatch = 1 - TrueShare;
            for (var c = 0; c < 3; c++)
            {
                match *= levels[c] == 0 ? TrueM[c] : 1 - TrueM[c];
                nonMatch *= levels[c] == 0 ? TrueU[c] : 1 - TrueU[c];
            }
            counts[set.Pack(levels)] = (long)Math.Round(pairs * (match + nonMatch));
        }
        return counts;
    }
}
