using IntegrationHub.Core.Matching.Pipeline;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Matching;

/// <summary>Fails start-up when <c>Hub:Matching:ModelPath</c> names a file that is missing or not a usable model,
/// rather than failing every delivery later.</summary>
public sealed class MatchModelFileValidator : IValidateOptions<MatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            MatchModelFile.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return ValidateOptionsResult.Fail(
                $"{MatchingOptions.SectionName}:ModelPath: '{options.ModelPath}' is not a usable match model ({Reason(e)}). Write one with `hub match --save-model`.");
        }
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "not readable",
        _ => e.Message,
    };
}
