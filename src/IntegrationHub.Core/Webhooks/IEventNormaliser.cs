using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Webhooks;

/// <summary>Turns one provider's payloads into the canonical model.</summary>
public interface IEventNormaliser
{
    /// <summary>The provider id this normaliser serves (lowercase kebab-case).</summary>
    string Provider { get; }

    /// <summary>Checks the payload can be read at all, before the delivery is accepted. Returns the problem, or null.</summary>
    WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection);

    /// <summary>Reads an accepted delivery into canonical events; event types it does not map come back as unmapped.</summary>
    /// <exception cref="MalformedPayloadException">The archived body cannot be read at all.</exception>
    NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection);
}
