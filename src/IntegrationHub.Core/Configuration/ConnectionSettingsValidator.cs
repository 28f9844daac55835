using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Configuration;

/// <summary>Asks each connection's connector whether the connection's settings can work (<see cref="IConnectionValidator"/>),
/// alongside <see cref="HubOptionsValidator"/>'s checks of providers and secrets, so that a misconfigured connection fails
/// the host's start with a message naming it. It is registered with the connectors (<c>AddConnectors</c>); the options
/// pipeline runs every validator and reports their failures together.</summary>
public sealed class ConnectionSettingsValidator(IEnumerable<IConnectionValidator> validators) : IValidateOptions<HubOptions>
{
    private readonly ILookup<string, IConnectionValidator> _byProvider = validators.ToLookup(v => v.Provider, StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var failures = options.Connections
            .SelectMany(connection => _byProvider[connection.Value.Provider]
                .SelectMany(validator => validator.Problems(connection.Value))
                .Select(problem => $"Hub:Connections:{connection.Key}: {problem}"))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
