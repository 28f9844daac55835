namespace IntegrationHub.Core.Webhooks;

/// <summary>The providers the hub can hear, by provider id.</summary>
public sealed class ConnectorCatalog
{
    private readonly Dictionary<string, IWebhookVerifier> _verifiers;
    private readonly Dictionary<string, IEventNormaliser> _normalisers;

    public ConnectorCatalog(IEnumerable<IWebhookVerifier> verifiers, IEnumerable<IEventNormaliser> normalisers)
    {
        _verifiers = verifiers.ToDictionary(v => v.Provider, StringComparer.Ordinal);
        _normalisers = normalisers.ToDictionary(n => n.Provider, StringComparer.Ordinal);
    }

    public IEnumerable<string> Providers => _verifiers.Keys.Intersect(_normalisers.Keys);

    public IWebhookVerifier Verifier(string provider) =>
        _verifiers.TryGetValue(provider, out var verifier) ? verifier : throw new UnknownProviderException(provider);

    public IEventNormaliser Normaliser(string provider) =>
        _normalisers.TryGetValue(provider, out var normaliser) ? normaliser : throw new UnknownProviderException(provider);
}
