using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Checks <c>Hub:Matching</c> at start-up: the thresholds are probabilities in order, the block cap sane.</summary>
public sealed class MatchingOptionsValidator : IValidateOptions<MatchingOptions>
{
    public const int MaxBlockCap = 1000;

    public ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Threshold is not (> 0 and <= 1))
        {
            failures.Add($"{MatchingOptions.SectionName}:Threshold must be a probability in (0, 1].");
        }
        if (options.ReviewThreshold is not > 0 || options.ReviewThreshold > options.Threshold)
        {
            failures.Add($"{MatchingOptions.SectionName}:ReviewThreshold must be a probability in (0, Threshold].");
        }
        if (options.MinAgreeingFieldsToLink < 1)
        {
            failures.Add($"{MatchingOptions.SectionName}:MinAgreeingFieldsToLink must be at least 1.");
        }
        if (options.MaxCandidatesPerBlock is < 1 or > MaxBlockCap)
        {
            failures.Add($"{MatchingOptions.SectionName}:MaxCandidatesPerBlock must be from 1 to {MaxBlockCap}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
