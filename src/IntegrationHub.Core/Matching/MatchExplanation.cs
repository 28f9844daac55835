using System.Globalization;
using System.Text;

namespace IntegrationHub.Core.Matching;

/// <summary>Why a pair scored what it did: the prior (how likely two random records are the same person) plus each
/// field's contribution gives the match weight, in bits; the probability follows from it.</summary>
public sealed record MatchExplanation(double PriorWeight, IReadOnlyList<FieldContribution> Fields, double MatchWeight, double Probability)
{
    /// <summary>One line: "first_name exact +7.12; surname Jaro-Winkler >= 0.92 +4.30; … = 18.2 bits, p=0.999".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"prior {PriorWeight:+0.00;-0.00}");
        foreach (var field in Fields)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {field.Field} {field.Level} {field.Weight:+0.00;-0.00;0}");
        }
        text.Append(CultureInfo.InvariantCulture, $" = {MatchWeight:0.00} bits, p={Probability:0.####}");
        return text.ToString();
    }
}
