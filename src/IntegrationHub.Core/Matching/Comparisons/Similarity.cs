using F23.StringSimilarity;

namespace IntegrationHub.Core.Matching.Comparisons;

/// <summary>The string measures the comparisons use.</summary>
internal static class Similarity
{
    private static readonly JaroWinkler JaroWinklerMeasure = new();

    public static double JaroWinkler(string a, string b) => JaroWinklerMeasure.Similarity(a, b);

    /// <summary>Whether two different strings are one edit apart: one character replaced, inserted or deleted, or two
    /// neighbouring characters swapped (optimal string alignment distance 1). Written out rather than computing the
    /// full distance: it runs for most compared pairs, and only "at most one" matters.</summary>
    public static bool OneEditApart(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        var a = x.Length >= y.Length ? x : y;
        var b = x.Length >= y.Length ? y : x;
        if (a.Length - b.Length > 1)
        {
            return false;
        }
        var prefix = a.CommonPrefixLength(b);
        if (prefix == b.Length)
        {
            return true;
        }
        if (a.Length != b.Length)
        {
            return a[(prefix + 1)..].SequenceEqual(b[prefix..]);
        }
        if (a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..]))
        {
            return true;
        }
        return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
            && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]);
    }
}
