using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.SendGrid;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.SendGrid;

public sealed class SendGridVerifierTests : IDisposable
{
    private const string Connection = "email";
    private const string Body = "[{\"email\":\"ada@example.com\",\"event\":\"delivered\",\"sg_event_id\":\"ZGVsaXZlcmVk\",\"timestamp\":1714564800}]\r\n";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _sender = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _sender.Dispose();
        _other.Dispose();
    }

    private static SendGridVerifier CreateSut() => new(Options.Create(new HubOptions()));

    private static ConnectionOptions ConnectionWith(params string[] publicKeys) =>
        new() { Provider = SendGridProvider.Id, PublicKeys = [.. publicKeys] };

    /// <summary>The key as SendGrid's settings page shows it: base64 DER SubjectPublicKeyInfo.</summary>
    private static string PublicKey(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    /// <summary>Signs as SendGrid does, independently of the verifier.</summary>
    private static WebhookRequest Request(ECDsa key, DateTimeOffset sentAt, string body = Body)
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Twilio-Email-Event-Webhook-Signature"] = Convert.ToBase64String(signature),
            ["X-Twilio-Email-Event-Webhook-Timestamp"] = timestamp,
        };
        return new WebhookRequest(Connection, "POST", new Uri("https://hub.example.test/api/webhooks/email"), headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorWithBothAnswers()
    {
        // Act
        var vectors = SendGridVector.LoadAll();

        // Assert
        Assert.Equal(vectors.Count, SendGridVector.Cases().Count);
        Assert.Equal(6, vectors.Count);
        Assert.Equal(2, vectors.Count(v => v.Valid));
    }

    [Theory]
    [MemberData(nameof(SendGridVector.Cases), MemberType = typeof(SendGridVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = SendGridVector.LoadAll()[index];
        var body = Encoding.UTF8.GetBytes(vector.Body);
        var request = new WebhookRequest(Connection, "POST", new Uri("https://hub.example.test/api/webhooks/email"), vector.Headers, body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.PublicKey), vector.Now);

        // Assert
        VerifierAssert.AnswersVectorWithContentId(result, vector.Valid, body, index, note);
    }

    [Theory]
    [InlineData("X-Twilio-Email-Event-Webhook-Signature")]
    [InlineData("X-Twilio-Email-Event-Webhook-Timestamp")]
    public void Verify_HeaderMissing_IsMissingSignature401(string missing)
    {
        // Arrange
        var signed = Request(_sender, Now);
        var request = signed with { Headers = signed.Headers.Where(h => h.Key != missing).ToDictionary(StringComparer.OrdinalIgnoreCase) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains(missing, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoKeys_IsValid()
    {
        // Arrange: the retiring key first, then the current one, and a broken entry that must be skipped.
        var request = Request(_sender, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith("not*a*key", PublicKey(_other), PublicKey(_sender)), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_PublicKeyAsPem_IsValid()
    {
        // Arrange
        var request = Request(_sender, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(_sender.ExportSubjectPublicKeyInfoPem()), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignedWithUnconfiguredKey_IsInvalidSignature()
    {
        // Arrange
        var request = Request(_other, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var signed = Request(_sender, Now);
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("delivered", "bounce", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_TimestampTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange: the timestamp is signed with the body, so moving it (even within the window) breaks the signature.
        var signed = Request(_sender, Now);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-Twilio-Email-Event-Webhook-Timestamp"] = Now.AddSeconds(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData(-301, "301 seconds ahead of")]
    [InlineData(301, "301 seconds behind")]
    public void Verify_TimestampBeyondTolerance_IsStaleTimestampSayingByHowMuch(int sentSecondsBeforeNow, string expected)
    {
        // Arrange
        var request = Request(_sender, Now.AddSeconds(-sentSecondsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
        Assert.Equal(
            $"X-Twilio-Email-Event-Webhook-Timestamp is {expected} the hub's clock; the tolerance is 300 seconds.", result.Problem.Detail);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtToleranceEdge_IsValid(int sentSecondsBeforeNow)
    {
        // Arrange
        var request = Request(_sender, Now.AddSeconds(-sentSecondsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_ValidBatch_DeliveryIdIsDerivedFromBody()
    {
        // Arrange
        var request = Request(_sender, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(PublicKey(_sender)), Now);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsKeyOrPayload()
    {
        // Arrange: one request per way to fail.
        var good = Request(_sender, Now);
        var requests = new[]
        {
            good with { Headers = new Dictionary<string, string>() },
            Request(_sender, Now.AddHours(1)),
            good with { Body = Encoding.UTF8.GetBytes("[]") },
            good with { Headers = new Dictionary<string, string>(good.Headers, StringComparer.OrdinalIgnoreCase) { ["X-Twilio-Email-Event-Webhook-Timestamp"] = "soon" } },
            good with { Headers = new Dictionary<string, string>(good.Headers, StringComparer.OrdinalIgnoreCase) { ["X-Twilio-Email-Event-Webhook-Signature"] = "***" } },
        };
        var publicKey = PublicKey(_sender);
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(publicKey), Now).Problem!).ToList();

        // Assert
        Assert.Equal(requests.Length, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(publicKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
