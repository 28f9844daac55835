namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Probabilistic matching in the pipeline (section <c>Hub:Matching</c>): off until a saved model is named.</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Hub:Matching";

    /// <summary>A model written by <c>hub match --save-model</c>. Empty: matching is off.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Pairs at or above this probability are linked automatically.</summary>
    public double Threshold { get; set; } = 0.9;

    /// <summary>Pairs at or above this probability but below <see cref="Threshold"/> become suggestions for review.</summary>
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>A block with more profiles than this is too common to compare against (a common name in a big city);
    /// the other blocking rules still find the pair.</summary>
    public int MaxCandidatesPerBlock { get; set; } = 100;

    /// <summary>A pair is linked without review only when at least this many fields agree (add to its score): a
    /// model learned from a list without emails or phones can score a shared first and last name alone above the
    /// threshold, and two names are not enough evidence to merge people silently. A pair above the threshold on less
    /// evidence becomes a suggestion.</summary>
    public int MinAgreeingFieldsToLink { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(ModelPath);
}
