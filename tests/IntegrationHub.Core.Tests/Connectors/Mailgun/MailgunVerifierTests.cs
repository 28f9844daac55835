using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Mailgun;

public sealed class MailgunVerifierTests
{
    private const string Connection = "mail";
    private const string SigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
    private const string OtherKey = "key-0000000000000000000000000000000";
    private const string Token = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static MailgunVerifier CreateSut() => new(Options.Create(new HubOptions()));

    private static ConnectionOptions ConnectionWith(params string[] keys) => new() { Provider = MailgunProvider.Id, Secrets = [.. keys] };

    private static string Sign(string key, string timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token)));

    /// <summary>A body as Mailgun posts it: the signature object and the event data, signed independently of the verifier.</summary>
    private static WebhookRequest Request(string key, DateTimeOffset sentAt, string token = Token, string? signature = null, string recipient = "ada@example.com")
    {
        var timestamp = sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = $$$"""{"signature":{"token":"{{{token}}}","timestamp":"{{{timestamp}}}","signature":"{{{signature ?? Sign(key, timestamp, token)}}}"},"event-data":{"event":"delivered","id":"CPgfbmQMTCKtHW6uIWtuVe","recipient":"{{{recipient}}}"}}""";
        return new WebhookRequest(Connection, "POST", new Uri("https://hub.example.test/api/webhooks/mail"),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorWithBothAnswers()
    {
        // Act
        var vectors = MailgunVector.LoadAll();

        // Assert
        Assert.Equal(vectors.Count, MailgunVector.Cases().Count);
        Assert.Equal(3, vectors.Count);
        Assert.Single(vectors, v => v.Valid);
    }

    [Theory]
    [MemberData(nameof(MailgunVector.Cases), MemberType = typeof(MailgunVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = MailgunVector.LoadAll()[index];
        var request = new WebhookRequest(Connection, "POST", new Uri("https://hub.example.test/api/webhooks/mail"),
            new Dictionary<string, string>(), Encoding.UTF8.GetBytes(vector.Body));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}, got {result.Problem?.Detail}");
        if (vector.Valid)
        {
            Assert.Equal(Token, result.DeliveryIdFor(request.Body.Span));
        }
        else
        {
            Assert.Null(result.DeliveryId);
            Assert.Equal(401, result.Problem!.Status);
        }
    }

    [Theory]
    [InlineData("""{"event-data":{"event":"delivered"}}""")]
    [InlineData("""{"signature":"not an object"}""")]
    [InlineData("timestamp=1403645220&token=abc&signature=00")]
    [InlineData("")]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"abc"}}""")]
    public void Verify_NoSignatureObjectOrField_IsMissingSignature401(string body)
    {
        // Arrange
        var request = Request(SigningKey, Now) with { Body = Encoding.UTF8.GetBytes(body) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoKeys_IsValid()
    {
        // Arrange
        var request = Request(SigningKey, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherKey, SigningKey), Now);

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(Token, result.DeliveryIdFor(request.Body.Span));
    }

    [Fact]
    public void Verify_SignedWithNeitherKey_IsInvalidSignature()
    {
        // Arrange
        var request = Request(SigningKey, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherKey), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_TokenTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = Request(SigningKey, Now, token: "owyldpe6nxhmrn78epljl6bj0orrki1u3d2v5e6cnlmmuox8jr", signature: Sign(SigningKey, timestamp, Token));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_EventDataChangedUnderSameSignature_IsValidWithTheSameDeliveryId()
    {
        // Arrange: Mailgun signs timestamp and token only, never the event data. Keying the delivery on the token means a
        // replayed signature carrying other data dedupes onto the first delivery instead of counting as a new one.
        var original = Request(SigningKey, Now);
        var replayed = Request(SigningKey, Now, recipient: "eve@example.com");
        var sut = CreateSut();

        // Act
        var first = sut.Verify(original, ConnectionWith(SigningKey), Now);
        var second = sut.Verify(replayed, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.True(second.IsValid);
        Assert.Equal(first.DeliveryIdFor(original.Body.Span), second.DeliveryIdFor(replayed.Body.Span));
    }

    [Fact]
    public void Verify_ParentSignatureFromPrimaryAccountKey_IsValid()
    {
        // Arrange: an event on a subaccount's domain also carries the HMAC with the primary account's key.
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = $$$"""{"signature":{"token":"{{{Token}}}","timestamp":"{{{timestamp}}}","signature":"{{{Sign(OtherKey, timestamp, Token)}}}","parent-signature":"{{{Sign(SigningKey, timestamp, Token)}}}"}}""";
        var request = Request(SigningKey, Now) with { Body = Encoding.UTF8.GetBytes(body) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_NumericTimestamp_IsAccepted()
    {
        // Arrange: Mailgun's docs type the timestamp as an int; the bytes signed are its digits either way.
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = $$$"""{"signature":{"timestamp":{{{timestamp}}},"token":"{{{Token}}}","signature":"{{{Sign(SigningKey, timestamp, Token)}}}"}}""";
        var request = Request(SigningKey, Now) with { Body = Encoding.UTF8.GetBytes(body) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData(-301, "301 seconds ahead of")]
    [InlineData(301, "301 seconds behind")]
    public void Verify_TimestampBeyondTolerance_IsStaleTimestampSayingByHowMuch(int sentSecondsBeforeNow, string expected)
    {
        // Arrange
        var request = Request(SigningKey, Now.AddSeconds(-sentSecondsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
        Assert.Equal($"signature.timestamp is {expected} the hub's clock; the tolerance is 300 seconds.", result.Problem.Detail);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtToleranceEdge_IsValid(int sentSecondsBeforeNow)
    {
        // Arrange
        var request = Request(SigningKey, Now.AddSeconds(-sentSecondsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(SigningKey), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsKeyOrPayload()
    {
        // Arrange: one request per way to fail.
        var good = Request(SigningKey, Now);
        var requests = new[]
        {
            good with { Body = Encoding.UTF8.GetBytes("{}") },
            Request(SigningKey, Now.AddHours(1)),
            Request(OtherKey, Now),
            good with { Body = Encoding.UTF8.GetBytes($$$"""{"signature":{"timestamp":"soon","token":"{{{Token}}}","signature":"00"}}""") },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(SigningKey), Now).Problem!).ToList();

        // Assert
        Assert.Equal(requests.Length, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(SigningKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain("ada@example.com", text, StringComparison.Ordinal);
        });
    }
}
