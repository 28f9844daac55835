using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Intercom;

/// <summary>Intercom publishes no signature vector (its SDKs do not verify webhooks), so these tests sign as Intercom's
/// docs describe — <c>sha1=</c> + hex HMAC-SHA1 of the raw body — with HMACSHA1 here, independently of the verifier.</summary>
public sealed class IntercomVerifierTests
{
    private const string Secret = "intercom-client-secret-retiring";
    private const string NextSecret = "intercom-client-secret-current";
    private const string Body = """{"type":"notification_event","app_id":"a86dr8yl","data":{"type":"notification_event_data","item":{"type":"contact","id":"530370b477ad7120001d","email":"ada@example.com"}},"id":"notif_78c122d0-23ba-11e4-9464-79b01267cc2e","topic":"contact.user.created","delivery_attempts":1}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static IntercomVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = IntercomProvider.Id, Secrets = [.. secrets] };

    private static WebhookRequest Request(string body, string? signature) =>
        new(
            "support",
            "POST",
            new Uri("https://hub.example.test/api/webhooks/support"),
            signature is null
                ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [IntercomProvider.SignatureHeader] = signature },
            Encoding.UTF8.GetBytes(body));

    private static string Digest(string secret, string body) =>
#pragma warning disable CA5350 // Intercom's scheme is HMAC-SHA1; the test signs as Intercom does.
        Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5350

    private static WebhookRequest Signed(string secret, string body = Body) => Request(body, "sha1=" + Digest(secret, body));

    [Theory]
    [InlineData(Body)]
    [InlineData("""{"type":"notification_event","topic":"ping","data":{"item":{"type":"ping","message":"Hello"}}}""")]
    [InlineData("{\n  \"type\" : \"notification_event\",\n  \"topic\" : \"user.created\",\n  \"data\" : { \"item\" : { \"name\" : \"Zoë Washburne ♥\" } }\n}\n")]
    public void Verify_SignedAsIntercomSigns_IsValid(string body)
    {
        // Arrange: compact, ping and pretty-printed non-ASCII bodies; the signature covers the bytes exactly as sent.
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, body), ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, null), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(IntercomProvider.SignatureHeader, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(NextSecret), ConnectionWith(Secret, NextSecret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignedWithAnotherSecret_IsInvalidSignature()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed("someone-else"), ConnectionWith(Secret, NextSecret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var request = Signed(Secret) with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData("sha256=")]
    [InlineData("")]
    public void Verify_DigestWithoutSha1Prefix_IsInvalidSignature(string prefix)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Request(Body, prefix + Digest(Secret, Body)), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_Notification_DeliveryIdIsNotificationId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now);

        // Assert: the top-level id, not the item's.
        Assert.Equal("notif_78c122d0-23ba-11e4-9464-79b01267cc2e", result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_RetriedNotification_KeepsTheSameDeliveryId()
    {
        // Arrange: a retry changes delivery_attempts, so the body (and any id derived from it) changes.
        var retry = Body.Replace("\"delivery_attempts\":1", "\"delivery_attempts\":2", StringComparison.Ordinal);
        var sut = CreateSut();

        // Act
        var first = sut.Verify(Signed(Secret), ConnectionWith(Secret), Now);
        var second = sut.Verify(Signed(Secret, retry), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(first.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)), second.DeliveryIdFor(Encoding.UTF8.GetBytes(retry)));
    }

    [Fact]
    public void Verify_BodyWithoutId_DeliveryIdIsDerivedFromContent()
    {
        // Arrange
        const string body = """{"type":"notification_event","topic":"ping"}""";
        var sut = CreateSut();

        // Act
        var result = sut.Verify(Signed(Secret, body), ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // Arrange
        var requests = new[]
        {
            Request(Body, null),
            Request(Body, Digest(Secret, Body)),
            Signed(Secret) with { Body = Encoding.UTF8.GetBytes("{}") },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(3, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
