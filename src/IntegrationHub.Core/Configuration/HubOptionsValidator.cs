using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Configuration;

/// <summary>Checks every connection names a provider the hub knows and has at least one secret, so that a
/// misconfigured connection fails the host's start rather than its first delivery.</summary>
public sealed class HubOptionsValidator(IEnumerable<string> knownProviders) : IValidateOptions<HubOptions>
{
    private readonly HashSet<string> _known = new(knownProviders, StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var failures = new List<string>();
        foreach (var (connection, settings) in options.Connections)
        {
            if (!ConnectionName.IsValid(connection))
            {
                failures.Add($"Hub:Connections:{connection}: a connection name uses letters, digits, '-' and '_' only.");
            }
            if (!_known.Contains(settings.Provider))
            {
                failures.Add($"Hub:Connections:{connection}:Provider '{settings.Provider}' is not a known provider ({string.Join(", ", _known.Order())}).");
            }
            if (settings.Secrets.Count + settings.PublicKeys.Count == 0
                || settings.Secrets.Any(string.IsNullOrWhiteSpace)
                || settings.PublicKeys.Any(string.IsNullOrWhiteSpace))
            {
                failures.Add($"Hub:Connections:{connection}:Secrets (or PublicKeys) must hold at least one non-empty value.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
