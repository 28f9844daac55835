using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

/// <summary>The extension of the foundation's verifier: asymmetric <c>v1a</c> (Ed25519) signatures and Svix's
/// <c>svix-*</c> header family.</summary>
public sealed class StandardWebhooksVerifierV1aAndSvixTests
{
    private const string Connection = "shop";
    private const string DeliveryId = "msg_2LJz4Q8Vyl0c6m3Xy9kT1hB5aPq";
    private const string Body = """{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z","data":{"email":"ada@example.com"}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static StandardWebhooksVerifier CreateSut() => new(Options.Create(new HubOptions()));

    private static ConnectionOptions ConnectionWith(string[] secrets, string[] publicKeys) =>
        new() { Provider = StandardWebhooksProvider.Id, Secrets = [.. secrets], PublicKeys = [.. publicKeys] };

    private static WebhookRequest AsSvix(WebhookRequest request) => request with
    {
        Headers = request.Headers.ToDictionary(h => h.Key.Replace("webhook-", "svix-", StringComparison.Ordinal), h => h.Value, StringComparer.OrdinalIgnoreCase),
    };

    [Fact]
    public void Verify_V1aSignedWithConfiguredPublicKey_IsValid()
    {
        // Arrange
        using var sender = new Ed25519WebhookSigner();
        var request = sender.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], [sender.PublicKey]), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(DeliveryId, result.DeliveryId);
    }

    [Fact]
    public void Verify_V1aSignedWithSecondOfTwoPublicKeys_IsValid()
    {
        // Arrange
        using var retiring = new Ed25519WebhookSigner();
        using var current = new Ed25519WebhookSigner();
        var request = current.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], [retiring.PublicKey, current.PublicKey]), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_V1aSignedWithUnconfiguredKey_IsInvalidSignature()
    {
        // Arrange
        using var sender = new Ed25519WebhookSigner();
        using var other = new Ed25519WebhookSigner();
        var request = sender.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], [other.PublicKey]), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_V1aBodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        using var sender = new Ed25519WebhookSigner();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], [sender.PublicKey]), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_PublicKeyWithoutPrefixAfterUndecodableOne_IsValid()
    {
        // Arrange: a broken entry is skipped, and the whpk_ prefix is optional, as whsec_ is for secrets.
        using var sender = new Ed25519WebhookSigner();
        var request = sender.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], ["whpk_not*base64!", sender.PublicKey["whpk_".Length..]]), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_Ed25519SignatureLabelledV1_IsInvalidSignature()
    {
        // Arrange: the version label picks the scheme; an Ed25519 signature under v1 is never checked as one.
        using var sender = new Ed25519WebhookSigner();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-signature"] = "v1," + signed.Headers["webhook-signature"]["v1a,".Length..],
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith([], [sender.PublicKey]), Now);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_HeaderWithWrongV1AndGoodV1a_IsValid()
    {
        // Arrange: any one entry that verifies is enough (the spec's rotation and mixed-scheme header).
        using var sender = new Ed25519WebhookSigner();
        var hmacSender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-signature"] = "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= " + signed.Headers["webhook-signature"],
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith([hmacSender.Secret], [sender.PublicKey]), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SvixHeadersWithV1Signature_IsValidWithSvixId()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = AsSvix(sender.Request(Connection, DeliveryId, Now, Body));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([sender.Secret], []), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(DeliveryId, result.DeliveryId);
    }

    [Fact]
    public void Verify_SvixHeadersWithV1aSignature_IsValid()
    {
        // Arrange
        using var sender = new Ed25519WebhookSigner();
        var request = sender.Request(Connection, DeliveryId, Now, Body, headerPrefix: "svix");
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([], [sender.PublicKey]), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("svix-id")]
    [InlineData("svix-timestamp")]
    [InlineData("svix-signature")]
    public void Verify_SvixHeaderMissing_IsMissingSignature401(string missing)
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = AsSvix(sender.Request(Connection, DeliveryId, Now, Body));
        var request = signed with { Headers = signed.Headers.Where(h => h.Key != missing).ToDictionary(StringComparer.OrdinalIgnoreCase) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([sender.Secret], []), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains("svix-", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SvixTimestampBeyondTolerance_IsStaleTimestampNamingHeaderAndSkew()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = AsSvix(sender.Request(Connection, DeliveryId, Now.AddSeconds(-420), Body));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith([sender.Secret], []), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
        Assert.Equal("svix-timestamp is 420 seconds behind the hub's clock; the tolerance is 300 seconds.", result.Problem.Detail);
    }
}
