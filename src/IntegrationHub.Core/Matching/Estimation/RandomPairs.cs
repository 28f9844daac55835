using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching.Estimation;

/// <summary>Comparison vectors of pairs drawn at random: almost all are different people, so they tell how often
/// different people agree by chance (the u probabilities). Small lists are compared exhaustively instead.</summary>
internal static class RandomPairs
{
    private const int ChunkSize = 1 << 15;

    public static Dictionary<long, long> Sample(
        MatchData data, ComparisonSet comparisons, bool linkOnly, long allPairs, MatchOptions options, CancellationToken cancellationToken)
    {
        if (allPairs <= options.RandomPairSample)
        {
            return Exhaustive(data, comparisons, linkOnly);
        }
        var left = linkOnly ? Enumerable.Range(0, data.Count).Where(i => data.Sources[i] == 0).ToArray() : null;
        var right = linkOnly ? Enumerable.Range(0, data.Count).Where(i => data.Sources[i] != 0).ToArray() : null;
        var chunks = (int)((options.RandomPairSample + ChunkSize - 1) / ChunkSize);
        var partial = new Dictionary<long, long>[chunks];
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            // One generator per chunk, seeded by its number: the same sample whatever the thread schedule.
            var random = new Random(unchecked((options.Seed * 1_000_003) + chunk));
            var counts = new Dictionary<long, long>();
            for (var k = 0; k < ChunkSize; k++)
            {
                int a, b;
                if (linkOnly)
                {
                    a = left![random.Next(left.Length)];
                    b = right![random.Next(right.Length)];
                }
                else
                {
                    a = random.Next(data.Count);
                    b = random.Next(data.Count - 1);
                    b = b >= a ? b + 1 : b;
                }
                var vector = comparisons.Compare(data, a, b);
                counts[vector] = counts.GetValueOrDefault(vector) + 1;
            }
            partial[chunk] = counts;
        });
        return Merge(partial);
    }

    private static Dictionary<long, long> Exhaustive(MatchData data, ComparisonSet comparisons, bool linkOnly)
    {
        var partial = new Dictionary<long, long>[data.Count];
        Parallel.For(0, data.Count, a =>
        {
            var counts = new Dictionary<long, long>();
            for (var b = a + 1; b < data.Count; b++)
            {
                if (linkOnly && data.Sources[a] == data.Sources[b])
                {
                    continue;
                }
                var vector = comparisons.Compare(data, a, b);
                counts[vector] = counts.GetValueOrDefault(vector) + 1;
            }
            partial[a] = counts;
        });
        return Merge(partial);
    }

    private static Dictionary<long, long> Merge(IEnumerable<Dictionary<long, long>> parts)
    {
        var total = new Dictionary<long, long>();
        foreach (var part in parts)
        {
            foreach (var (vector, count) in part)
            {
                total[vector] = total.GetValueOrDefault(vector) + count;
            }
        }
        return total;
    }
}
