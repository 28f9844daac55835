using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Fails the host's start when storage is not configured or the prefix would make invalid resource names.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>Leaves room for the longest name, <c>deliveries-poison</c>, within Azure's 63 characters.</summary>
    public const int MaxPrefixLength = 40;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var prefix = options.Prefix ?? "";
        if (prefix.Length > MaxPrefixLength
            || (prefix.Length > 0 && !char.IsAsciiLetterLower(prefix[0]))
            || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            failures.Add($"{StorageOptions.SectionName}:Prefix must be empty or lowercase letters and digits starting with a letter, at most {MaxPrefixLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.AccountName))
        {
            failures.Add($"Storage is not configured: set {StorageOptions.ConnectionKey} to a connection string (UseDevelopmentStorage=true for Azurite) or {StorageOptions.ConnectionKey}:accountName to an account reached with Azure credentials.");
        }
        if (options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{StorageOptions.SectionName}:HealthCheckTimeout must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
