using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching.Estimation;

/// <summary>Fellegi–Sunter parameters learned from the data by expectation maximisation, the way Splink does: a
/// two-class mixture over comparison vectors (matches with probabilities m, non-matches with probabilities u,
/// conditionally independent per field), fitted to the candidate pairs; then the non-match probabilities of the
/// whole population are re-fitted on random pairs with m fixed, so that the chance agreement blocking concentrates
/// in candidate pairs does not count as evidence.</summary>
internal static class ExpectationMaximisation
{
    /// <summary>Pseudo-pairs of prior weight behind u in the candidate fit: nothing next to thousands of candidate
    /// pairs, but enough to keep a short list (a handful of candidates, nearly all of them matches) from mistaking its
    /// matches for the non-match class.</summary>
    private const double UPriorPairs = 50;

    /// <summary>Fits m, u and the match share to the vector counts of the candidate pairs, with u drawn towards
    /// <paramref name="uPrior"/> (the level shares of random pairs) by a weak prior.</summary>
    public static MixtureFit FitCandidates(ComparisonSet set, IReadOnlyDictionary<long, long> counts, double[][] uPrior, MatchOptions options)
    {
        var table = VectorTable.From(set, counts);
        var u = table.LevelShares(set, weights: null);
        var m = InitialM(set);
        var share = 0.1;
        var iterations = 0;
        var converged = false;
        var posterior = new double[table.Count];
        while (iterations < options.MaxIterations && !converged)
        {
            iterations++;
            Expect(table, m, u, share, posterior);
            var newM = table.LevelShares(set, posterior);
            var newU = table.LevelShares(set, posterior.Select(p => 1 - p).ToArray(), uPrior, UPriorPairs);
            var matches = 0.0;
            for (var k = 0; k < table.Count; k++)
            {
                matches += posterior[k] * table.Counts[k];
            }
            var newShare = Math.Clamp(matches / table.Total, 1e-12, 1 - 1e-12);
            converged = MaxChange(m, newM) < options.ConvergenceTolerance
                && MaxChange(u, newU) < options.ConvergenceTolerance
                && Math.Abs(newShare - share) < options.ConvergenceTolerance;
            (m, u, share) = (newM, newU, newShare);
        }
        return new MixtureFit(m, u, share, iterations, converged);
    }

    /// <summary>Level shares among random pairs (true matches included), the prior for u in the candidate fit.</summary>
    public static double[][] RandomLevelShares(ComparisonSet set, IReadOnlyDictionary<long, long> randomCounts) =>
        VectorTable.From(set, randomCounts).LevelShares(set, weights: null);

    /// <summary>Re-fits u on random pairs with m and the population match share fixed: the few true matches among
    /// random pairs are recognised by their whole vector and left out of u.</summary>
    public static double[][] FitPopulationU(
        ComparisonSet set, IReadOnlyDictionary<long, long> randomCounts, double[][] m, double share, MatchOptions options)
    {
        var table = VectorTable.From(set, randomCounts);
        var u = table.LevelShares(set, weights: null);
        var posterior = new double[table.Count];
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            Expect(table, m, u, share, posterior);
            var newU = table.LevelShares(set, posterior.Select(p => 1 - p).ToArray());
            var change = MaxChange(u, newU);
            u = newU;
            if (change < options.ConvergenceTolerance)
            {
                break;
            }
        }
        return u;
    }

    private static void Expect(VectorTable table, double[][] m, double[][] u, double share, double[] posterior)
    {
        var prior = Math.Log(share / (1 - share));
        for (var k = 0; k < table.Count; k++)
        {
            var logit = prior;
            var levels = table.Levels[k];
            for (var c = 0; c < levels.Length; c++)
            {
                var level = levels[c];
                if (level >= 0)
                {
                    logit += Math.Log(m[c][level] / u[c][level]);
                }
            }
            posterior[k] = 1 / (1 + Math.Exp(-logit));
        }
    }

    /// <summary>A neutral start: matches mostly agree exactly and rarely differ outright.</summary>
    private static double[][] InitialM(ComparisonSet set) => set.Comparisons.Select(comparison =>
    {
        var count = comparison.Levels.Count;
        var m = new double[count];
        m[0] = 0.8;
        m[count - 1] = 0.05;
        for (var level = 1; level < count - 1; level++)
        {
            m[level] = 0.15 / (count - 2);
        }
        if (count == 2)
        {
            m[0] = 0.95;
        }
        return m;
    }).ToArray();

    private static double MaxChange(double[][] before, double[][] after)
    {
        var max = 0.0;
        for (var c = 0; c < before.Length; c++)
        {
            for (var l = 0; l < before[c].Length; l++)
            {
                max = Math.Max(max, Math.Abs(before[c][l] - after[c][l]));
            }
        }
        return max;
    }
}
