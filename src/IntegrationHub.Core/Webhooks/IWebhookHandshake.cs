using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Webhooks;

/// <summary>Answers the GET a vendor sends to check a webhook URL before it delivers to it (Meta's subscription
/// challenge, Mailchimp's URL validation). Providers without one answer 405.</summary>
public interface IWebhookHandshake
{
    /// <summary>The provider id this handshake serves (lowercase kebab-case).</summary>
    string Provider { get; }

    HandshakeResult Respond(WebhookRequest request, ConnectionOptions connection);
}
