using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Webhooks;

/// <summary>Checks a delivery exactly as its vendor signs it.</summary>
public interface IWebhookVerifier
{
    /// <summary>The provider id this verifier serves (lowercase kebab-case).</summary>
    string Provider { get; }

    /// <summary>Verifies <paramref name="request"/> against any of the connection's secrets, on the raw body bytes,
    /// comparing in constant time, and returns the delivery id the vendor assigned.</summary>
    VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now);
}
