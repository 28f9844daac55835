using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Tests.TestDoubles;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

public sealed class StandardWebhooksVerifierTests
{
    private const string Connection = "shop";
    private const string DeliveryId = "msg_2LJz4Q8Vyl0c6m3Xy9kT1hB5aPq";
    private const string Body = """{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z","data":{"email":"ada@example.com"}}""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static StandardWebhooksVerifier CreateSut(TimeSpan? tolerance = null) =>
        new(Options.Create(new HubOptions { TimestampTolerance = tolerance ?? TimeSpan.FromMinutes(5) }));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = StandardWebhooksProvider.Id, Secrets = [.. secrets] };

    [Fact]
    public void Cases_FromFixture_CoverEveryVerifiableVector()
    {
        // Arrange
        var vectors = StandardWebhooksVector.LoadAll();

        // Act
        var selected = StandardWebhooksVectors.Cases().Select(row => vectors[(int)row[0]]).ToList();

        // Assert: the filter keeps the library vectors and the v1a ones, with both answers, and drops only the keyless
        // spec example.
        Assert.Equal(13, selected.Count);
        Assert.Equal(11, selected.Count(v => v.Source == "standard-webhooks"));
        Assert.Equal(2, selected.Count(v => v.Source.StartsWith("v1a-unknown", StringComparison.Ordinal)));
        Assert.Contains(selected, v => v.Valid && v.PublicKey.Length > 0);
        Assert.Contains(selected, v => !v.Valid && v.PublicKey.Length > 0);
        Assert.Equal(vectors.Where(v => v.Source != "standard-webhooks-spec"), selected);
    }

    [Theory]
    [MemberData(nameof(StandardWebhooksVectors.Cases), MemberType = typeof(StandardWebhooksVectors))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = StandardWebhooksVector.LoadAll()[index];
        var sut = CreateSut(vector.Tolerance);
        var body = Encoding.UTF8.GetBytes(vector.Body);
        var request = new WebhookRequest(Connection, "POST", new Uri("https://hub.example.test/api/webhooks/shop"), vector.Headers, body);
        var connection = new ConnectionOptions
        {
            Provider = StandardWebhooksProvider.Id,
            Secrets = vector.Secret.Length > 0 ? [vector.Secret] : [],
            PublicKeys = vector.PublicKey.Length > 0 ? [vector.PublicKey] : [],
        };

        // Act
        var result = sut.Verify(request, connection, vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (vector.Valid)
        {
            Assert.Equal(vector.Headers["webhook-id"], result.DeliveryId);
            Assert.Null(result.Problem);
        }
        else
        {
            Assert.Null(result.DeliveryId);
            Assert.Equal(401, result.Problem!.Status);
        }
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var retiring = StandardWebhooksSigner.CreateDefault();
        var current = new StandardWebhooksSigner([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        var request = current.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(retiring.Secret, current.Secret), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(DeliveryId, result.DeliveryId);
    }

    [Fact]
    public void Verify_SignedWithNeitherSecret_IsInvalidSignature()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var other = new StandardWebhooksSigner([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        var request = sender.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(other.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_UndecodableSecretBeforeGoodOne_SkipsItAndVerifies()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = sender.Request(Connection, DeliveryId, Now, Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith("whsec_not*base64!", sender.Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("webhook-id")]
    [InlineData("webhook-timestamp")]
    [InlineData("webhook-signature")]
    public void Verify_HeaderMissing_IsMissingSignature401(string missing)
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = signed.Headers.Where(h => h.Key != missing).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var request = signed with { Headers = headers };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
    }

    [Fact]
    public void Verify_NoHeadersAtAll_IsMissingSignature401()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = sender.Request(Connection, DeliveryId, Now, Body) with { Headers = new Dictionary<string, string>() };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_TimestampBeyondTolerance_IsStaleTimestamp401(int sentSecondsFromNow)
    {
        // Arrange: signed correctly, but 301 s before (or after) the hub's clock.
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = sender.Request(Connection, DeliveryId, Now.AddSeconds(sentSecondsFromNow), Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem.Type);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtToleranceEdge_IsValid(int sentSecondsFromNow)
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var request = sender.Request(Connection, DeliveryId, Now.AddSeconds(sentSecondsFromNow), Body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("ada@", "eve@", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_IdTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { ["webhook-id"] = "msg_other" };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_CorrectBytesUnderAnotherVersion_IsInvalidSignature()
    {
        // Arrange: only v1 entries count; the right HMAC labelled v2 must not verify.
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-signature"] = "v2," + signed.Headers["webhook-signature"]["v1,".Length..],
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_HeaderNamesInAnotherCase_FindsThemInCaseInsensitiveDictionary()
    {
        // Arrange: hosts build the header dictionary case-insensitively, as HTTP header names are.
        var sender = StandardWebhooksSigner.CreateDefault();
        var signed = sender.Request(Connection, DeliveryId, Now, Body);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Webhook-Id"] = signed.Headers["webhook-id"],
            ["WEBHOOK-TIMESTAMP"] = signed.Headers["webhook-timestamp"],
            ["Webhook-Signature"] = signed.Headers["webhook-signature"],
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(sender.Secret), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(DeliveryId, result.DeliveryId);
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsSecretOrPayload()
    {
        // Arrange: one request per way to fail.
        var sender = StandardWebhooksSigner.CreateDefault();
        var secret = sender.Secret;
        var keyText = secret["whsec_".Length..];
        var good = sender.Request(Connection, DeliveryId, Now, Body);
        var requests = new[]
        {
            good with { Headers = new Dictionary<string, string>() },
            sender.Request(Connection, DeliveryId, Now.AddHours(1), Body),
            good with { Body = Encoding.UTF8.GetBytes("{}") },
            good with { Headers = new Dictionary<string, string>(good.Headers, StringComparer.OrdinalIgnoreCase) { ["webhook-timestamp"] = "soon" } },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(4, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(keyText, text, StringComparison.Ordinal);
            Assert.DoesNotContain("whsec_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Sign_KnownVector_MatchesPublishedSignature()
    {
        // Arrange: the "sign function works" vector every Standard Webhooks library tests.
        var key = StandardWebhooksVerifier.SecretKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!;

        // Act
        var signature = StandardWebhooksVerifier.Sign(
            key, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", Encoding.UTF8.GetBytes("""{"test": 2432232314}"""));

        // Assert
        Assert.Equal("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Convert.ToBase64String(signature));
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("whsec_***")]
    public void SecretKey_NotBase64OrEmpty_ReturnsNull(string secret)
    {
        // Act
        var key = StandardWebhooksVerifier.SecretKey(secret);

        // Assert
        Assert.Null(key);
    }
}
