using IntegrationHub.Core.Matching.Blocking;
using IntegrationHub.Core.Matching.Comparisons;
using IntegrationHub.Core.Matching.Estimation;

namespace IntegrationHub.Core.Matching;

/// <summary>Finds the records of a list that are the same person when no shared identifier says so (Fellegi–Sunter):
/// normalise, block, compare field by field, learn the weights from the data by expectation maximisation, score, link
/// what clears the threshold and cluster the links. Records with <see cref="MatchRecord.Source"/> 0 and 1 are two
/// lists linked to each other: only pairs across the lists are compared.</summary>
public sealed class ProbabilisticMatcher(MatchOptions options)
{
    public MatchResult Match(
        IReadOnlyList<MatchRecord> records, IProgress<MatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        options.Validate();
        if (records.Any(r => r.Source is not (0 or 1)))
        {
            throw new ArgumentException("A record's source is 0 or 1 (two lists at most).", nameof(records));
        }

        progress?.Report(new MatchProgress(MatchStage.Normalising, 0, records.Count));
        var data = MatchData.Prepare(records, options.DefaultPhoneRegion, cancellationToken);
        progress?.Report(new MatchProgress(MatchStage.Normalising, records.Count, records.Count));
        var linkOnly = data.Sources.Distinct().Count() > 1;
        var allPairs = AllPairs(data, linkOnly);
        var comparisons = ComparisonSet.For(data.Present);
        var rules = BlockingRules.For(data.Present);

        var candidates = CandidateGenerator.Generate(data, comparisons, rules, options, linkOnly, progress, cancellationToken);

        progress?.Report(new MatchProgress(MatchStage.Estimating, 0, 2));
        var random = RandomPairs.Sample(data, comparisons, linkOnly, allPairs, options, cancellationToken);
        progress?.Report(new MatchProgress(MatchStage.Estimating, 1, 2));
        var fit = ExpectationMaximisation.FitCandidates(
            comparisons, candidates.VectorCounts(), ExpectationMaximisation.RandomLevelShares(comparisons, random), options);
        var expectedMatches = fit.MatchShare * candidates.Count;
        var lambda = Math.Clamp(expectedMatches / Math.Max(allPairs, 1), 1e-12, 0.5);
        var u = ExpectationMaximisation.FitPopulationU(comparisons, random, fit.M, lambda, options);
        var model = new MatchModel(comparisons, fit.M, u, lambda, data.Present);
        progress?.Report(new MatchProgress(MatchStage.Estimating, 2, 2));

        progress?.Report(new MatchProgress(MatchStage.Scoring, 0, candidates.Count));
        var scores = candidates.VectorCounts().Keys.ToDictionary(v => v, model.Score);
        var links = new List<MatchPair>();
        var suggestions = new List<MatchPair>();
        var sets = new DisjointSets(data.Count);
        foreach (var pair in candidates.Pairs)
        {
            var weight = scores[pair.Vector];
            var probability = MatchModel.Probability(weight);
            if (probability >= options.Threshold)
            {
                links.Add(new MatchPair(pair.A, pair.B, weight, probability));
                sets.Union(pair.A, pair.B);
            }
            else if (probability >= options.ReviewThreshold)
            {
                suggestions.Add(new MatchPair(pair.A, pair.B, weight, probability));
            }
        }
        progress?.Report(new MatchProgress(MatchStage.Scoring, candidates.Count, candidates.Count));
        progress?.Report(new MatchProgress(MatchStage.Clustering, 0, 1));
        var clusters = sets.Labels();
        progress?.Report(new MatchProgress(MatchStage.Clustering, 1, 1));

        var statistics = new MatchStatistics(
            data.Count, allPairs, candidates.Count, candidates.BlocksSkipped, rules.Select(r => r.Name).ToList(), fit.Iterations, fit.Converged);
        return new MatchResult(data, comparisons, clusters, Sorted(links), Sorted(suggestions), model, statistics);
    }

    private static long AllPairs(MatchData data, bool linkOnly)
    {
        if (!linkOnly)
        {
            return (long)data.Count * (data.Count - 1) / 2;
        }
        var left = data.Sources.LongCount(s => s == 0);
        return left * (data.Count - left);
    }

    // Pairs come from parallel workers in no fixed order: sort them so that a run's output is reproducible.
    private static List<MatchPair> Sorted(List<MatchPair> pairs)
    {
        pairs.Sort((x, y) => x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        return pairs;
    }
}
