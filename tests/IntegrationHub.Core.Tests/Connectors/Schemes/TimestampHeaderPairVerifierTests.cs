using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What every verifier of a signature header with the signed timestamp in a header of its own (Slack, Zendesk)
/// must do, besides what every timestamped scheme must.</summary>
public abstract class TimestampHeaderPairVerifierTests : TimestampedVerifierTests
{
    protected abstract string SignatureHeader { get; }

    protected abstract string TimestampHeader { get; }

    protected override string StaleDetailMentions => TimestampHeader;

    protected override IEnumerable<WebhookRequest> RefusedHeaders()
    {
        var signed = Sign(Secret, Now);
        return [WebhookRequests.Without(signed, SignatureHeader), WebhookRequests.Without(signed, TimestampHeader)];
    }

    /// <summary>A signed delivery without <paramref name="header"/> is refused as missing its signature, naming it.</summary>
    protected void AssertMissingNamed(string header)
    {
        var result = Verify(WebhookRequests.Without(Sign(Secret, Now), header), Secret);

        VerifierAssert.MissingSignatureNaming(result, header);
    }
}
