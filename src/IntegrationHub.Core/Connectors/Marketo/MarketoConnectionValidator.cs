using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>A Marketo connection needs exactly one place for its shared secret and a usable payload template mapping
/// (README.md in this folder).</summary>
public sealed class MarketoConnectionValidator : IConnectionValidator
{
    public string Provider => MarketoProvider.Id;

    public IEnumerable<string> Problems(ConnectionOptions connection) =>
        new[] { MarketoVerifier.ConfigurationProblem(connection), MarketoNormaliser.ConfigurationProblem(connection) }.OfType<string>();
}
