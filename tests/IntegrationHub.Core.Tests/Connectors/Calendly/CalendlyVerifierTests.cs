using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Calendly;

/// <summary>Neither Calendly nor the shared test data publishes a signature vector, so these tests sign as Calendly's docs
/// describe — <c>t=&lt;seconds&gt;,v1=</c> + hex HMAC-SHA256 of <c>{t}.{body}</c> — with HMACSHA256 here.</summary>
public sealed class CalendlyVerifierTests : TimestampedHeaderVerifierTests
{
    protected override TimestampedHeaderSigner Signer { get; } = new("meetings", CalendlyProvider.SignatureHeader);

    protected override string Secret => "calendly-signing-key-retiring";

    protected override string NextSecret => "calendly-signing-key-current";

    protected override string Body => """{"created_at":"2024-05-01T12:00:00.000000Z","created_by":"https://api.calendly.com/users/AAAA","event":"invitee.created","payload":{"email":"ada@example.com","uri":"https://api.calendly.com/scheduled_events/BBBB/invitees/CCCC"}}""";

    protected override IWebhookVerifier CreateSut(TimeSpan? tolerance) =>
        new CalendlyVerifier(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    [Fact]
    public void Verify_SignedAsCalendlySigns_IsValid()
    {
        // Act
        var result = Verify(Sign(Secret, Now), Secret);

        // Assert
        Assert.True(result.IsValid);
        Assert.Null(result.Problem);
    }

    [Theory]
    [InlineData("v1=abcdef")]
    [InlineData("t=1714564800")]
    [InlineData("t=soon,v1=abcdef")]
    [InlineData("t=1714564800,v1=")]
    [InlineData(",,")]
    public void Verify_MalformedHeader_IsInvalidSignatureNamingHeader(string header)
    {
        // Act
        var result = Verify(Signer.Request(Body, header), Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
        Assert.Contains("malformed", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_TimestampMovedAfterSigning_IsInvalidSignature()
    {
        // Arrange: an old delivery re-dated into the window no longer matches, because t is signed.
        var sentAt = Now.AddHours(-1).ToUnixTimeSeconds();
        var header = $"t={Now.ToUnixTimeSeconds()},v1={TimestampedHeaderSigner.Digest(Secret, sentAt, Body)}";

        // Act
        var result = Verify(Signer.Request(Body, header), Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_TighterHubTolerance_IsApplied()
    {
        // Arrange: Calendly's own sample allows three minutes; an operator can configure that.
        var sut = CreateSut(TimeSpan.FromMinutes(3));

        // Act
        var result = sut.Verify(Sign(Secret, Now.AddSeconds(-181)), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(VerifierAssert.StaleTimestamp, result.Problem!.Type);
    }

    [Fact]
    public void Verify_Valid_DeliveryIdIsDerivedFromContentSoResignedRetriesDedupe()
    {
        // Arrange: a retry is signed afresh (new t), with the same body.
        // Act
        var first = Verify(Sign(Secret, Now.AddSeconds(-60)), Secret);
        var retry = Verify(Sign(Secret, Now), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), VerifierAssert.DeliveryId(first, Body));
        Assert.Equal(VerifierAssert.DeliveryId(first, Body), VerifierAssert.DeliveryId(retry, Body));
    }
}
