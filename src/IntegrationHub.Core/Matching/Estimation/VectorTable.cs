using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching.Estimation;

/// <summary>Distinct comparison vectors, unpacked to levels, with how many pairs have each (in a fixed order, so
/// sums come out the same on every run).</summary>
internal sealed class VectorTable
{
    private VectorTable(int[][] levels, double[] counts)
    {
        Levels = levels;
        Counts = counts;
        Total = counts.Sum();
    }

    public int[][] Levels { get; }

    public double[] Counts { get; }

    public double Total { get; }

    public int Count => Counts.Length;

    public static VectorTable From(ComparisonSet set, IReadOnlyDictionary<long, long> counts)
    {
        var vectors = counts.Keys.Order().ToArray();
        var levels = vectors.Select(v => Enumerable.Range(0, set.Count).Select(c => set.Level(v, c)).ToArray()).ToArray();
        return new VectorTable(levels, vectors.Select(v => (double)counts[v]).ToArray());
    }

    /// <summary>Per comparison, the weighted share of each level among pairs where neither value is missing, with a
    /// small pseudo-count so that a level never seen is improbable rather than impossible, and optionally
    /// <paramref name="priorPairs"/> pseudo-pairs distributed as <paramref name="prior"/>.</summary>
    public double[][] LevelShares(ComparisonSet set, double[]? weights, double[][]? prior = null, double priorPairs = 0)
    {
        var shares = set.Comparisons.Select(c => new double[c.Levels.Count]).ToArray();
        for (var k = 0; k < Count; k++)
        {
            var weight = Counts[k] * (weights?[k] ?? 1);
            var levels = Levels[k];
            for (var c = 0; c < levels.Length; c++)
            {
                if (levels[c] >= 0)
                {
                    shares[c][levels[c]] += weight;
                }
            }
        }
        for (var c = 0; c < shares.Length; c++)
        {
            const double pseudoCount = 0.5;
            var share = shares[c];
            for (var l = 0; l < share.Length; l++)
            {
                share[l] += pseudoCount + (prior is null ? 0 : priorPairs * prior[c][l]);
            }
            var total = share.Sum();
            for (var l = 0; l < share.Length; l++)
            {
                share[l] /= total;
            }
        }
        return shares;
    }
}
