using IntegrationHub.Core.Matching.Blocking;
using IntegrationHub.Core.Matching.Comparisons;

namespace IntegrationHub.Core.Matching;

/// <summary>The learned Fellegi–Sunter model: per field and level the m and u probabilities and their weight, and the
/// prior probability that two records drawn at random are the same person. It keeps the roles it was learned on, so
/// that a saved model (<see cref="MatchModelJson"/>) compares and blocks new records exactly as the run that learned it.</summary>
public sealed class MatchModel
{
    private readonly ComparisonSet set;
    private readonly IReadOnlyList<BlockingRule> rules;
    private readonly double[][] weights;

    internal MatchModel(ComparisonSet set, double[][] m, double[][] u, double lambda, IEnumerable<MatchRole> roles)
    {
        this.set = set;
        Roles = [.. roles.Distinct().Order()];
        rules = Blocking.BlockingRules.For(Roles.ToHashSet());
        BlockingRules = [.. rules.Select(r => r.Name)];
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

    /// <summary>The roles the list it was learned from had values for: they decide its comparisons and blocking rules.</summary>
    public IReadOnlyList<MatchRole> Roles { get; }

    /// <summary>The names of the blocking rules the model's roles allow, in the order they are applied.</summary>
    public IReadOnlyList<string> BlockingRules { get; }

    internal ComparisonSet Comparisons => set;

    /// <summary>The probability a match weight stands for.</summary>
    public static double Probability(double matchWeight) => 1 / (1 + Math.Pow(2, -matchWeight));

    /// <summary>Scores <paramref name="record"/> against each of <paramref name="others"/>, explained field by field.</summary>
    public IReadOnlyList<MatchExplanation> Explain(
        MatchRecord record, IReadOnlyList<MatchRecord> others, string defaultPhoneRegion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(others);
        if (others.Count == 0)
        {
            return [];
        }
        var data = MatchData.Prepare([record, .. others], defaultPhoneRegion, cancellationToken);
        return [.. Enumerable.Range(1, others.Count).Select(i => Explain(set.Compare(data, 0, i)))];
    }

    /// <summary>The record's key under each of the model's blocking rules that it has the values for: two records are
    /// candidates for a comparison when they share a key.</summary>
    public IReadOnlyList<MatchBlockKey> BlockingKeys(MatchRecord record, string defaultPhoneRegion)
    {
        ArgumentNullException.ThrowIfNull(record);
        var data = MatchData.Prepare([record], defaultPhoneRegion, CancellationToken.None);
        return [.. rules.Select(rule => (rule.Name, Key: rule.Key(data, 0)))
            .Where(k => k.Key is not null)
            .Select(k => new MatchBlockKey(k.Name, k.Key!))];
    }

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
