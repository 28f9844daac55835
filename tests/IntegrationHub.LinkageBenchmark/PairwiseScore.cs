namespace IntegrationHub.LinkageBenchmark;

/// <summary>Pairwise precision, recall and F1 of a clustering against the truth: a pair counts when both records are
/// in the same predicted (or true) cluster.</summary>
internal sealed record PairwiseScore(long TruePairs, long PredictedPairs, long CorrectPairs)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static PairwiseScore Of(IReadOnlyList<int> predicted, IReadOnlyList<string> truth)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var truePairs = truth.GroupBy(t => t, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var predictedPairs = predicted.GroupBy(p => p).Sum(g => Pairs(g.Count()));
        var correct = Enumerable.Range(0, truth.Count).GroupBy(i => (predicted[i], truth[i])).Sum(g => Pairs(g.Count()));
        return new PairwiseScore(truePairs, predictedPairs, correct);
    }
}
