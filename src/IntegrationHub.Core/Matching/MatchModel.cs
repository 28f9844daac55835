using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching;

/// <summary>The learned Fellegi–Sunter model: per field and level the m and u probabilities and their weight, and the
/// prior probability that two records drawn at random are the same person.</summary>
public sealed class MatchModel
{
    private readonly ComparisonSet set;
    private readonly double[][] weights;

    internal MatchModel(ComparisonSet set, double[][] m, double[][] u, double lambda)
    {
        this.set = set;
        Lambda = lambda;
        PriorWeight = Math.Log2(lambda / (1 - lambda));
        weights = m.Select((levels, c) => levels.Select((mc, l) => Math.Log2(mc / u[c][l])).ToArray()).ToArray();
        Fields = set.Comparisons.Select((comparison, c) => new MatchModelField(
            comparison.Name,
            comparison.Levels.Select((label, l) => new MatchModelLevel(label, m[c][l], u[c][l], weights[c][l])).ToList())).ToList();
    }

    /// <summary>The probability that two records drawn at random are the same person.</summary>
    public double Lambda { get; }

    /// <summary>log2(λ / (1 − λ)): the score of a pair before any field is looked at.</summary>
    public double PriorWeight { get; }

    public IReadOnlyList<MatchModelField> Fields { get; }

    /// <summary>The probability a match weight stands for.</summary>
    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));

    /// <summary>The match weight (bits) of a packed comparison vector.</summary>
    internal double Score(long vector)
    {
        var score = PriorWeight;
        for (var c = 0; c < weights.Length; c++)
        {
            var level = set.Level(vector, c);
            if (level >= 0)
            {
                score += weights[c][level];
            }
        }
        return score;
    }

    internal MatchExplanation Explain(long vector)
    {
        var fields = new List<FieldContribution>(weights.Length);
        for (var c = 0; c < weights.Length; c++)
        {
            var level = set.Level(vector, c);
            fields.Add(level >= 0
                ? new FieldContribution(Fields[c].Name, Fields[c].Levels[level].Label, weights[c][level])
                : new FieldContribution(Fields[c].Name, "missing", 0));
        }
        var score = Score(vector);
        return new MatchExplanation(PriorWeight, fields, score, Probability(score));
    }
}
