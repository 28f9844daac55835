using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Zendesk;

public sealed class ZendeskVerifierTests : TimestampHeaderPairVerifierTests
{
    private const string Connection = "helpdesk";
    private const string InvocationId = "8350205582";

    protected override string Secret => "zendesk-signing-secret-retiring";

    protected override string NextSecret => "zendesk-signing-secret-current";

    protected override string Body => """{"type":"zen:event-type:user.created","account_id":12514403,"id":"6b9bbadf-5725-4e92-bebe-7b71011bf5f1","detail":{"email":"ada@example.com"}}""";

    protected override string SignatureHeader => ZendeskProvider.SignatureHeader;

    protected override string TimestampHeader => ZendeskProvider.TimestampHeader;

    protected override IWebhookVerifier CreateSut(TimeSpan? tolerance) =>
        new ZendeskVerifier(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    protected override WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body) => Sign(secret, sentAt, body, InvocationId);

    /// <summary>Signs as Zendesk does, with the timestamp written the way Zendesk writes it (ISO 8601, UTC, seconds).</summary>
    private static WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body, string? invocationId)
    {
        var timestamp = sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return WebhookRequests.Post(
            Connection, body,
            (ZendeskProvider.SignatureHeader, Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + body)))),
            (ZendeskProvider.TimestampHeader, timestamp),
            ("X-Zendesk-Account-Id", "12514403"),
            ("X-Zendesk-Webhook-Id", "01F1KRFQ6BG29CNWFR60NK5FNY"),
            (ZendeskProvider.InvocationIdHeader, invocationId));
    }

    private static WebhookRequest WithTimestamp(WebhookRequest request, string timestamp) =>
        request with { Headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { [ZendeskProvider.TimestampHeader] = timestamp } };

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(ZendeskVector.LoadAll(), ZendeskVector.Cases(), 3);
    }

    [Theory]
    [MemberData(nameof(ZendeskVector.Cases), MemberType = typeof(ZendeskVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange: the vectors sign the placeholder timestamp "1234" and give no `now`, so the clock is frozen there.
        var vector = ZendeskVector.LoadAll()[index];

        // Act
        var result = VerifyVector(Connection, vector, index, note);

        // Assert
        if (vector.Valid)
        {
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Fact]
    public void Verify_VendorVectorAtRealClock_IsStaleTimestamp()
    {
        // Arrange: the same genuine vector checked today is decades outside the window.
        var vector = ZendeskVector.LoadAll().First(v => v.Valid);

        // Act
        var result = CreateSut().Verify(WebhookRequests.FromVector(Connection, vector), ConnectionWith(vector.Secret), Now);

        // Assert
        Assert.Equal(VerifierAssert.StaleTimestamp, result.Problem!.Type);
    }

    [Theory]
    [InlineData(ZendeskProvider.SignatureHeader)]
    [InlineData(ZendeskProvider.TimestampHeader)]
    public void Verify_HeaderMissing_IsMissingSignatureNamingIt(string missing)
    {
        AssertMissingNamed(missing);
    }

    [Fact]
    public void Verify_TimestampTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange: moving the timestamp into the window breaks the signature, which covers it.
        var request = WithTimestamp(Sign(Secret, Now.AddHours(-1)), "2024-05-01T12:00:00Z");

        // Act
        var result = Verify(request, Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-05-01 12:00:00")]
    public void Verify_TimestampNotIso8601_IsInvalidSignatureNamingHeader(string timestamp)
    {
        // Act
        var result = Verify(WithTimestamp(Sign(Secret, Now), timestamp), Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
        Assert.Contains(ZendeskProvider.TimestampHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WithInvocationIdHeader_DeliveryIdIsInvocationId()
    {
        // Act
        var result = Verify(Sign(Secret, Now), Secret);

        // Assert
        Assert.Equal(InvocationId, result.DeliveryId);
    }

    [Fact]
    public void Verify_WithoutInvocationIdHeader_DeliveryIdIsDerivedFromContent()
    {
        // Act
        var result = Verify(Sign(Secret, Now, Body, invocationId: null), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), VerifierAssert.DeliveryId(result, Body));
    }
}
