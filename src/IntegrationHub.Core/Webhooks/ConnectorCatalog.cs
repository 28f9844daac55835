namespace IntegrationHub.Core.Webhooks;

/// <summary>The providers the hub can hear, by provider id.</summary>
public sealed class ConnectorCatalog
{
    private readonly Dictionary<string, IWebhookVerifier> _verifiers;
    private readonly Dictionary<string, IEventNormaliser> _normalisers;

    private readonly Dictionary<string, IWebhookHandshake> _handshakes;
    private readonly Dictionary<string, IWebhookChallenge> _challenges;

    public ConnectorCatalog(
        IEnumerable<IWebhookVerifier> verifiers,
        IEnumerable<IEventNormaliser> normalisers,
        IEnumerable<IWebhookHandshake> handshakes,
        IEnumerable<IWebhookChallenge> challenges)
    {
        _verifiers = verifiers.ToDictionary(v => v.Provider, StringComparer.Ordinal);
        _normalisers = normalisers.ToDictionary(n => n.Provider, StringComparer.Ordinal);
        _handshakes = handshakes.ToDictionary(h => h.Provider, StringComparer.Ordinal);
        _challenges = challenges.ToDictionary(c => c.Provider, StringComparer.Ordinal);
    }

    public ConnectorCatalog(
        IEnumerable<IWebhookVerifier> verifiers, IEnumerable<IEventNormaliser> normalisers, IEnumerable<IWebhookHandshake> handshakes)
        : this(verifiers, normalisers, handshakes, [])
    {
    }

    public ConnectorCatalog(IEnumerable<IWebhookVerifier> verifiers, IEnumerable<IEventNormaliser> normalisers)
        : this(verifiers, normalisers, [])
    {
    }

    public IEnumerable<string> Providers => _verifiers.Keys.Intersect(_normalisers.Keys);

    public IWebhookVerifier Verifier(string provider) =>
        _verifiers.TryGetValue(provider, out var verifier) ? verifier : throw new UnknownProviderException(provider);

    /// <summary>The provider's URL check, or null when it sends none.</summary>
    public IWebhookHandshake? Handshake(string provider) => _handshakes.GetValueOrDefault(provider);

    /// <summary>The provider's answer to a signed POST that checks the URL, or null when it sends none.</summary>
    public IWebhookChallenge? Challenge(string provider) => _challenges.GetValueOrDefault(provider);

    public IEventNormaliser Normaliser(string provider) =>
        _normalisers.TryGetValue(provider, out var normaliser) ? normaliser : throw new UnknownProviderException(provider);
}
