namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>Jaro–Winkler similarity of two interned values of one field, remembered per thread and per run: names,
/// streets and cities repeat across a large list, so most comparisons of a big run are of value pairs already seen.
/// Only values that more than one record has are remembered.</summary>
internal static class JaroWinklerCache
{
    private const int MaxEntries = 1 << 20;

    [ThreadStatic]
    private static Dictionary<long, double>? entries;

    [ThreadStatic]
    private static long run;

    public static double Similarity(MatchData data, MatchRole role, int a, int b, int idA, int idB)
    {
        if (!data.Repeats(role, idA) || !data.Repeats(role, idB))
        {
            // A value only one record has is never compared with the same partner twice: nothing to remember.
            return Comparisons.Similarity.JaroWinkler(data.Value(role, a)!, data.Value(role, b)!);
        }
        if (entries is null || run != data.Run || entries.Count >= MaxEntries)
        {
            entries ??= [];
            entries.Clear();
            run = data.Run;
        }
        // Role in the top bits, then the two value ids (at most 2^29 distinct values per field): one key per pair.
        var (low, high) = idA < idB ? (idA, idB) : (idB, idA);
        var key = ((long)role << 58) | ((long)low << 29) | (uint)high;
        if (entries.TryGetValue(key, out var similarity))
        {
            return similarity;
        }
        similarity = Comparisons.Similarity.JaroWinkler(data.Value(role, a)!, data.Value(role, b)!);
        entries.Add(key, similarity);
        return similarity;
    }
}
