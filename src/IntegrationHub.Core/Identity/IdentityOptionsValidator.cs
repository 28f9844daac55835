using System.Text.RegularExpressions;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Identity;

/// <summary>Fails the host's start on identity settings that would otherwise fail (or silently do nothing) later: a
/// pattern that does not compile, a rule for a field that does not exist, a source priority with no sources.</summary>
public sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var pattern in options.BlockedPatterns)
        {
            if (string.IsNullOrWhiteSpace(pattern) || !Compiles(pattern))
            {
                failures.Add($"{IdentityOptions.SectionName}:BlockedPatterns: '{pattern}' is not a valid regular expression (without backreferences or lookarounds, which cannot run in linear time).");
            }
        }
        if (options.BlockedValues.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{IdentityOptions.SectionName}:BlockedValues must not hold empty values.");
        }
        if (options.EmailIgnoreDotsDomains.Concat(options.EmailIgnorePlusTagDomains).Any(d => string.IsNullOrWhiteSpace(d) || d.Contains('@', StringComparison.Ordinal)))
        {
            failures.Add($"{IdentityOptions.SectionName}:EmailIgnoreDotsDomains and EmailIgnorePlusTagDomains hold bare domains such as gmail.com.");
        }
        foreach (var (field, rule) in options.Fields)
        {
            if (field.StartsWith(ProfileFields.ConsentPrefix, StringComparison.Ordinal))
            {
                failures.Add($"{IdentityOptions.SectionName}:Fields:{field}: consent always takes the most recent explicit statement per channel.");
            }
            else if (!SurvivorshipRules.ConfigurableFields.Contains(field))
            {
                failures.Add($"{IdentityOptions.SectionName}:Fields:{field} is not a profile field ({string.Join(", ", SurvivorshipRules.ConfigurableFields)}).");
            }
            if (!Enum.IsDefined(rule.Rule))
            {
                failures.Add($"{IdentityOptions.SectionName}:Fields:{field}:Rule is not one of {string.Join(", ", Enum.GetNames<SurvivorshipRule>())}.");
            }
            if (rule.Rule == SurvivorshipRule.SourcePriority && (rule.Sources.Count == 0 || rule.Sources.Any(string.IsNullOrWhiteSpace)))
            {
                failures.Add($"{IdentityOptions.SectionName}:Fields:{field}:Sources must list at least one connection for SourcePriority.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
