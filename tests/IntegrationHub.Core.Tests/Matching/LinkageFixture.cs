using IntegrationHub.Core.Matching;

namespace IntegrationHub.Core.Tests.Matching;

/// <summary>Loads a linkage fixture (plain CSV, no quoting) with the column recognition <c>hub match</c> uses.</summary>
internal static class LinkageFixture
{
    public static (List<MatchRecord> Records, List<string> Truth) Febrl(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "linkage", "febrl", file));
        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var roles = header.Select(MatchColumnNames.Recognise).ToArray();
        var records = new List<MatchRecord>();
        var truth = new List<string>();
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            var record = new MatchRecord(fields[0]);
            for (var i = 0; i < header.Length; i++)
            {
                if (roles[i] is { } role)
                {
                    record.Set(role, fields[i]);
                }
            }
            records.Add(record);
            truth.Add(fields[0].Split('-')[1]);
        }
        return (records, truth);
    }

    /// <summary>Pairwise F1 of a clustering against the true entities.</summary>
    public static (double Precision, double Recall, double F1) Score(IReadOnlyList<int> clusters, IReadOnlyList<string> truth)
    {
        static long Pairs(long n) => n * (n - 1) / 2;
        var truePairs = truth.GroupBy(t => t, StringComparer.Ordinal).Sum(g => Pairs(g.Count()));
        var predicted = clusters.GroupBy(c => c).Sum(g => Pairs(g.Count()));
        var correct = Enumerable.Range(0, truth.Count).GroupBy(i => (clusters[i], truth[i])).Sum(g => Pairs(g.Count()));
        var precision = predicted == 0 ? 1 : (double)correct / predicted;
        var recall = (double)correct / truePairs;
        return (precision, recall, 2 * precision * recall / (precision + recall));
    }
}
