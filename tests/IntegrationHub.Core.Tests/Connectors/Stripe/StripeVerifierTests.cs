using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Stripe;

public sealed class StripeVerifierTests : TimestampedHeaderVerifierTests
{
    protected override TimestampedHeaderSigner Signer { get; } = new("billing", "Stripe-Signature");

    protected override string Secret => "whsec_test_retiring_0123456789";

    protected override string NextSecret => "whsec_test_current_9876543210";

    protected override string Body => """{"id":"evt_1PqRsT","object":"event","type":"customer.created","data":{"object":{"email":"ada@example.com"}}}""";

    protected override IWebhookVerifier CreateSut(TimeSpan? tolerance) =>
        new StripeVerifier(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(StripeVector.LoadAll(), StripeVector.Cases(), 10);
    }

    [Theory]
    [MemberData(nameof(StripeVector.Cases), MemberType = typeof(StripeVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = StripeVector.LoadAll()[index];

        var result = VerifyVector(Signer.Connection, vector, index, note);

        if (vector.Valid)
        {
            Assert.Equal("evt_123", VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Fact]
    public void Verify_SecondV1EntryMatches_IsValid()
    {
        // Arrange: while a secret is rolled Stripe sends one v1 per secret.
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={TimestampedHeaderSigner.Digest("whsec_other", t, Body)},v1={TimestampedHeaderSigner.Digest(Secret, t, Body)}";

        // Act
        var result = Verify(Signer.Request(Body, header), Secret);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_CorrectSignatureLabelledV0_IsInvalidSignature()
    {
        // Arrange: only v1 is Stripe's live scheme.
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={new string('0', 64)},v0={TimestampedHeaderSigner.Digest(Secret, t, Body)}";

        // Act
        var result = Verify(Signer.Request(Body, header), Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_ValidEvent_DeliveryIdIsEventId()
    {
        // Act
        var result = Verify(Sign(Secret, Now), Secret);

        // Assert
        Assert.Equal("evt_1PqRsT", VerifierAssert.DeliveryId(result, Body));
    }

    [Theory]
    [InlineData("""{"object":"event","type":"customer.created"}""")]
    [InlineData("""{"data":{"id":"cus_nested"},"type":"customer.created"}""")]
    [InlineData("not json at all")]
    public void Verify_BodyWithoutTopLevelId_DeliveryIdIsDerivedFromContent(string body)
    {
        // Act
        var result = Verify(Sign(Secret, Now, body), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), VerifierAssert.DeliveryId(result, body));
    }
}
