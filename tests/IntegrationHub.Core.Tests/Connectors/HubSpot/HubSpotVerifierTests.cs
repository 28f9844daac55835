using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.HubSpot;
using IntegrationHub.Core.Tests.Connectors.Schemes;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.HubSpot;

public sealed class HubSpotVerifierTests
{
    private const string Connection = "crm";
    private const string Secret = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy";
    private const string OtherSecret = "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz";
    private const string Url = "https://hub.example.test/api/webhooks/crm";
    private const string Body = """[{"eventId":1,"subscriptionId":12345,"portalId":62515,"occurredAt":1564113600000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":123,"changeSource":"CRM","changeFlag":"NEW","appId":54321}]""";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static HubSpotVerifier CreateSut() => new(Options.Create(new HubOptions()));

    private static ConnectionOptions ConnectionWith(params string[] secrets) =>
        new() { Provider = HubSpotProvider.Id, Secrets = [.. secrets] };

    /// <summary>Signs as HubSpot's v3 does, independently of the verifier: the caller passes the URI exactly as signed.</summary>
    private static WebhookRequest V3Request(string secret, DateTimeOffset sentAt, string body = Body, string url = Url, string? signedUri = null)
    {
        var timestamp = sentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("POST" + (signedUri ?? url) + body + timestamp));
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-HubSpot-Signature-v3"] = Convert.ToBase64String(mac),
            ["X-HubSpot-Request-Timestamp"] = timestamp,
        };
        return new WebhookRequest(Connection, "POST", new Uri(url), headers, Encoding.UTF8.GetBytes(body));
    }

    private static WebhookRequest V1Request(string secret, string body = Body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-HubSpot-Signature-Version"] = "v1",
            ["X-HubSpot-Signature"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret + body))),
        };
        return new WebhookRequest(Connection, "POST", new Uri(Url), headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Cases_FromFixture_CoverEveryVectorWithBothAnswers()
    {
        // Act
        var vectors = HubSpotVector.LoadAll();

        // Assert
        Assert.Equal(vectors.Count, HubSpotVector.Cases().Count);
        Assert.Equal(7, vectors.Count);
        Assert.Equal(5, vectors.Count(v => v.Valid));
        Assert.Equal(2, vectors.Count(v => !v.Valid));
    }

    [Theory]
    [MemberData(nameof(HubSpotVector.Cases), MemberType = typeof(HubSpotVector))]
    public void Verify_PublishedVector_MatchesExpectedAnswer(int index, string note)
    {
        // Arrange
        var vector = HubSpotVector.LoadAll()[index];
        var body = Encoding.UTF8.GetBytes(vector.Body);
        var request = new WebhookRequest(Connection, vector.Method, vector.Url, vector.Headers, body);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(vector.Secret), vector.Now);

        // Assert
        VerifierAssert.AnswersVectorWithContentId(result, vector.Valid, body, index, note);
    }

    [Fact]
    public void Verify_NoSignatureHeaders_IsMissingSignature401()
    {
        // Arrange
        var request = V1Request(Secret) with { Headers = new Dictionary<string, string>() };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains("X-HubSpot-Signature-v3", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-HubSpot-Request-Timestamp")]
    [InlineData("X-HubSpot-Signature-Version")]
    public void Verify_SignatureWithoutItsCompanionHeader_IsMissingSignatureNamingIt(string companion)
    {
        // Arrange
        var signed = companion == "X-HubSpot-Request-Timestamp" ? V3Request(Secret, Now) : V1Request(Secret);
        var headers = signed.Headers.Where(h => h.Key != companion).ToDictionary(StringComparer.OrdinalIgnoreCase);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem!.Type);
        Assert.Contains(companion, result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnknownSignatureVersion_IsInvalidSignature()
    {
        // Arrange
        var signed = V1Request(Secret);
        var headers = new Dictionary<string, string>(signed.Headers, StringComparer.OrdinalIgnoreCase) { ["X-HubSpot-Signature-Version"] = "v9" };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(signed with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_V3SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var request = V3Request(Secret, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherSecret, Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_V1SignedWithSecondOfTwoSecrets_IsValid()
    {
        // Arrange
        var request = V1Request(Secret);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherSecret, Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_V3SignedWithNeitherSecret_IsInvalidSignature()
    {
        // Arrange
        var request = V3Request(Secret, Now);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherSecret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_V3BodyTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var signed = V3Request(Secret, Now);
        var request = signed with { Body = Encoding.UTF8.GetBytes(Body.Replace("\"objectId\":123", "\"objectId\":124", StringComparison.Ordinal)) };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_WrongV3AlongsideValidV1_IsInvalidBecauseV3Decides()
    {
        // Arrange: a forger must not be able to downgrade to the unsigned-time v1 by spoiling v3.
        var v1 = V1Request(Secret);
        var headers = new Dictionary<string, string>(v1.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["X-HubSpot-Signature-v3"] = Convert.ToBase64String(new byte[32]),
            ["X-HubSpot-Request-Timestamp"] = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        var sut = CreateSut();

        // Act
        var result = sut.Verify(v1 with { Headers = headers }, ConnectionWith(Secret), Now);

        // Assert
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(-301_000, "301 seconds ahead of")]
    [InlineData(301_000, "301 seconds behind")]
    [InlineData(300_001, "300.001 seconds behind")]
    public void Verify_V3TimestampBeyondTolerance_IsStaleTimestampSayingByHowMuch(int sentMsBeforeNow, string expected)
    {
        // Arrange
        var request = V3Request(Secret, Now.AddMilliseconds(-sentMsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.Equal("urn:integrationhub:problem:stale-timestamp", result.Problem!.Type);
        Assert.Equal($"X-HubSpot-Request-Timestamp is {expected} the hub's clock; the tolerance is 300 seconds.", result.Problem.Detail);
    }

    [Fact]
    public void Verify_V3StaleUnderCommaDecimalCulture_DetailIsCultureInvariant()
    {
        // Arrange
        var request = V3Request(Secret, Now.AddMilliseconds(-300_001));
        var sut = CreateSut();
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            // Act
            var result = sut.Verify(request, ConnectionWith(Secret), Now);

            // Assert
            Assert.Contains("300.001 seconds behind", result.Problem!.Detail, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(-300_000)]
    [InlineData(300_000)]
    public void Verify_V3TimestampAtToleranceEdge_IsValid(int sentMsBeforeNow)
    {
        // Arrange
        var request = V3Request(Secret, Now.AddMilliseconds(-sentMsBeforeNow));
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("https://hub.example.test/api/webhooks/crm?next=%2Fhome%3Fa%3Ab&who=%40me%21%24%27%28%29%2A%2C%3B",
        "https://hub.example.test/api/webhooks/crm?next=/home?a:b&who=@me!$'()*,;")]
    [InlineData("https://hub.example.test/api/webhooks/crm?next=%2fhome%3a",
        "https://hub.example.test/api/webhooks/crm?next=/home:")]
    [InlineData("https://hub.example.test/api/webhooks/crm?q=a%20b%26c%3Dd",
        "https://hub.example.test/api/webhooks/crm?q=a%20b%26c%3Dd")]
    public void Verify_V3UriWithEscapes_SignsHubSpotsListedCharactersDecoded(string url, string signedUri)
    {
        // Arrange: HubSpot decodes : / ? @ ! $ ' ( ) * , ; in the URI before signing, and leaves other escapes alone.
        var request = V3Request(Secret, Now, url: url, signedUri: signedUri);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.True(result.IsValid, result.Problem?.Detail);
    }

    [Fact]
    public void Verify_V3SignedOverStillEncodedUri_IsInvalidSignature()
    {
        // Arrange: the signer forgot to decode %3A; the verifier must not accept both spellings.
        const string url = "https://hub.example.test/api/webhooks/crm?portal=a%3Ab";
        var request = V3Request(Secret, Now, url: url, signedUri: url);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(Secret), Now);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_ValidBatch_DeliveryIdIsDerivedFromBody()
    {
        // Arrange
        var request = V3Request(Secret, Now);
        var sut = CreateSut();

        // Act
        var first = sut.Verify(request, ConnectionWith(Secret), Now);
        var again = sut.Verify(V3Request(Secret, Now.AddSeconds(1)), ConnectionWith(Secret), Now);

        // Assert: the id depends on the body alone, so the same batch re-signed later dedupes onto it.
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Body)), first.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(first.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)), again.DeliveryIdFor(Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsSecretOrPayload()
    {
        // Arrange: one request per way to fail.
        var v3 = V3Request(Secret, Now);
        var v1 = V1Request(Secret);
        var requests = new[]
        {
            v3 with { Headers = new Dictionary<string, string>() },
            V3Request(Secret, Now.AddHours(1)),
            v3 with { Body = Encoding.UTF8.GetBytes("[]") },
            v1 with { Body = Encoding.UTF8.GetBytes("[]") },
            v3 with { Headers = new Dictionary<string, string>(v3.Headers, StringComparer.OrdinalIgnoreCase) { ["X-HubSpot-Request-Timestamp"] = "soon" } },
            v1 with { Headers = new Dictionary<string, string>(v1.Headers, StringComparer.OrdinalIgnoreCase) { ["X-HubSpot-Signature-Version"] = "v9" } },
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(Secret), Now).Problem!).ToList();

        // Assert
        Assert.Equal(requests.Length, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("contact.creation", text, StringComparison.Ordinal);
        });
    }
}
