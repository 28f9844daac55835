namespace IntegrationHub.Core.Configuration;

/// <summary>Checks the provider-specific settings of a connection when the host starts, so a connection that cannot work
/// fails the start rather than its first delivery. Validating the hub's options cannot wait on those options, so an
/// implementation must not depend on <c>IOptions&lt;HubOptions&gt;</c> (nor on anything that does).</summary>
public interface IConnectionValidator
{
    /// <summary>The provider id whose connections this checks (lowercase kebab-case).</summary>
    string Provider { get; }

    /// <summary>What is wrong with <paramref name="connection"/>'s settings; empty when nothing is.</summary>
    IEnumerable<string> Problems(ConnectionOptions connection);
}
