namespace IntegrationHub.Core.Webhooks;

public sealed class UnknownProviderException(string provider)
    : InvalidOperationException($"No connector is registered for provider '{provider}'.")
{
    public string Provider { get; } = provider;
}
