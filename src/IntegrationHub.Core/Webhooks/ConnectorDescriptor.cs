namespace IntegrationHub.Core.Webhooks;

/// <summary>Names a registered connector. It depends on nothing, so validating the hub's options can know the provider
/// ids without constructing connectors (which themselves read the options).</summary>
public sealed record ConnectorDescriptor(string Provider);
