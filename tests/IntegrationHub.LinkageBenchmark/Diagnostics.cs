using System.Globalization;
using IntegrationHub.Core.Matching;

namespace IntegrationHub.LinkageBenchmark;

/// <summary>What <c>--explain</c> prints: the learned model, and explanations of wrong links and missed pairs, to see
/// why the engine scored what it did.</summary>
internal static class Diagnostics
{
    public static void Print(LabelledList list, MatchResult result, int examples, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prior λ = {result.Model.Lambda:E3} ({result.Model.PriorWeight:0.00} bits), EM iterations {result.Statistics.Iterations}, converged {result.Statistics.Converged}"));
        foreach (var field in result.Model.Fields)
        {
            output.WriteLine($"  {field.Name}");
            foreach (var level in field.Levels)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {level.Label,-34} m={level.M,8:0.0000} u={level.U,10:0.000000} w={level.Weight,7:+0.00;-0.00}"));
            }
        }
        output.WriteLine("wrong links:");
        foreach (var link in result.Links.Where(l => list.Truth[l.A] != list.Truth[l.B]).Take(examples))
        {
            output.WriteLine($"  {list.Records[link.A].Id} ~ {list.Records[link.B].Id}: {result.Explain(link.A, link.B)}");
        }
        output.WriteLine("true pairs in different clusters:");
        var byTruth = Enumerable.Range(0, list.Records.Count).GroupBy(i => list.Truth[i]);
        var missed = byTruth.SelectMany(g => g.SelectMany(a => g.Where(b => b > a && result.Clusters[a] != result.Clusters[b]).Select(b => (a, b))));
        foreach (var (a, b) in missed.Take(examples))
        {
            output.WriteLine($"  {list.Records[a].Id} ~ {list.Records[b].Id}: {result.Explain(a, b)}");
        }
    }
}
