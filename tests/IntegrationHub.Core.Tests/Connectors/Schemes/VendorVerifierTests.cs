using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What each scheme family's tests (<see cref="BodyHmacVerifierTests"/>, <see cref="TimestampedVerifierTests"/>)
/// know of a vendor: its verifier, two secrets (retiring and current), a body, and the personal data in it.</summary>
public abstract class VendorVerifierTests
{
    protected static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract string Secret { get; }

    protected abstract string NextSecret { get; }

    protected abstract string Body { get; }

    /// <summary>Text of <see cref="Body"/> that a refusal must never repeat, and that tampering changes.</summary>
    protected virtual string Payload => "ada@example.com";

    /// <summary>The verifier, with the hub's default options.</summary>
    protected abstract IWebhookVerifier CreateSut();

    protected ConnectionOptions ConnectionWith(params string[] secrets) => new() { Provider = CreateSut().Provider, Secrets = [.. secrets] };

    /// <summary>Verifies <paramref name="request"/> now, on a connection holding <paramref name="secrets"/>.</summary>
    protected VerificationResult Verify(WebhookRequest request, params string[] secrets) => CreateSut().Verify(request, ConnectionWith(secrets), Now);
}
