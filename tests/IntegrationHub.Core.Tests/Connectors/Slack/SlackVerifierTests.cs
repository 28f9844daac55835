using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Slack;

public sealed class SlackVerifierTests : TimestampHeaderPairVerifierTests
{
    private const string Connection = "workspace";

    protected override string Secret => "8f742231b10e8888abcd99yyyzzz85a5-retiring";

    protected override string NextSecret => "3c1b2a0f9e8d7c6b5a4f3e2d1c0b9a8f-current";

    protected override string Body => """{"token":"x","team_id":"T1DC2JH3J","event":{"type":"team_join","user":{"profile":{"email":"ada@example.com"}}},"type":"event_callback","event_id":"Ev08MFMKH6","event_time":1714564800}""";

    protected override string SignatureHeader => SlackProvider.SignatureHeader;

    protected override string TimestampHeader => SlackProvider.TimestampHeader;

    protected override IWebhookVerifier CreateSut(TimeSpan? tolerance) =>
        new SlackVerifier(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    protected override WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        return WebhookRequests.Post(Connection, body, (SlackProvider.SignatureHeader, "v0=" + signature), (SlackProvider.TimestampHeader, timestamp));
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorBothWays()
    {
        VerifierAssert.CoversEveryVectorBothWays(SlackVector.LoadAll(), SlackVector.Cases(), 3);
    }

    [Theory]
    [MemberData(nameof(SlackVector.Cases), MemberType = typeof(SlackVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        var vector = SlackVector.LoadAll()[index];

        var result = VerifyVector(Connection, vector, index, note);

        if (vector.Valid)
        {
            // A slash command (form-encoded) carries no id, so the id is derived from the body.
            Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(vector.Body)), VerifierAssert.DeliveryId(result, vector.Body));
        }
    }

    [Theory]
    [InlineData(SlackProvider.SignatureHeader)]
    [InlineData(SlackProvider.TimestampHeader)]
    public void Verify_HeaderMissing_IsMissingSignatureNamingIt(string missing)
    {
        AssertMissingNamed(missing);
    }

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_SignatureWithoutV0Prefix_IsInvalidSignature(string signature)
    {
        // Arrange
        var signed = Sign(Secret, Now);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { [SlackProvider.SignatureHeader] = signature };

        // Act
        var result = Verify(signed with { Headers = headers }, Secret);

        // Assert
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_EventsApiCallback_DeliveryIdIsEventId()
    {
        // Act
        var result = Verify(Sign(Secret, Now), Secret);

        // Assert
        Assert.Equal("Ev08MFMKH6", VerifierAssert.DeliveryId(result, Body));
    }

    [Theory]
    [InlineData("command=%2Fweather&text=94070&user_id=U2147483697")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"}}""")]
    public void Verify_BodyWithoutEventId_DeliveryIdIsDerivedFromContent(string body)
    {
        // Act
        var result = Verify(Sign(Secret, Now, body), Secret);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), VerifierAssert.DeliveryId(result, body));
    }
}
