using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What every verifier of the <c>t=,v1=</c> header (<see cref="TimestampedHeaderSigner"/>: Stripe, Calendly)
/// must do, besides what every timestamped scheme must.</summary>
public abstract class TimestampedHeaderVerifierTests : TimestampedVerifierTests
{
    protected abstract TimestampedHeaderSigner Signer { get; }

    protected override string StaleDetailMentions => "300-second tolerance";

    protected override WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body) => Signer.Sign(secret, sentAt, body);

    protected override IEnumerable<WebhookRequest> RefusedHeaders() => [Signer.Request(Body, null), Signer.Request(Body, "t=,v1=")];

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        var result = Verify(Signer.Request(Body, null), Secret);

        VerifierAssert.MissingSignatureNaming(result, Signer.Header);
    }
}
