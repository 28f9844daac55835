using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Connectors.Twilio;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Twilio;

/// <summary>Twilio publishes no vector file; these are the exact values of Twilio's own validator tests
/// (twilio-python tests/unit/test_request_validator.py, twilio-csharp RequestValidatorTest.cs — see README.md).</summary>
public sealed class TwilioVerifierTests
{
    private const string Connection = "sms";
    private const string AuthToken = "12345";
    private const string OtherToken = "67890";
    private const string Url = "https://mycompany.com/myapp.php?foo=1&bar=2";

    /// <summary>Twilio's test parameters (CallSid, Digits, From, To, Caller), form-encoded out of alphabetical order.</summary>
    private const string Form = "CallSid=CA1234567890ABCDE&From=%2B14158675309&Digits=1234&To=%2B18005551212&Caller=%2B14158675309";
    private const string FormSignature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private const string JsonBody = "{\"property\": \"value\", \"boolean\": true}";
    private const string JsonBodyHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string JsonSignature = "a9nBmqA0ju/hNViExpshrM61xv4=";

    private static TwilioVerifier CreateSut() => new();

    private static ConnectionOptions ConnectionWith(params string[] tokens) => new() { Provider = TwilioProvider.Id, Secrets = [.. tokens] };

    private static WebhookRequest Request(string url, string body, string? signature, string? idempotencyToken = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (signature is not null)
        {
            headers["X-Twilio-Signature"] = signature;
        }
        if (idempotencyToken is not null)
        {
            headers["I-Twilio-Idempotency-Token"] = idempotencyToken;
        }
        return new WebhookRequest(Connection, "POST", new Uri(url), headers, Encoding.UTF8.GetBytes(body));
    }

    [Theory]
    [InlineData(Url, Form, FormSignature)]
    [InlineData(Url, "Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234", "IK+Dwps556ElfBT0I3Rgjkr1wJU=")]
    [InlineData("https://mycompany.com:1234/myapp.php?foo=1&bar=2", Form, FormSignature)]
    [InlineData("http://mycompany.com:1234/myapp.php?foo=1&bar=2", Form, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData(Url, Form, "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2", Form, "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData(Url + "&bodySHA256=" + JsonBodyHash, JsonBody, JsonSignature)]
    public void Verify_TwilioPublishedValidatorCase_IsValid(string url, string body, string signature)
    {
        // Arrange: in order, Twilio's compute-signature, duplicate-parameter, removes-port (https, http), adds-port
        // (https, http) and JSON-body cases.
        var request = Request(url, body, signature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid, result.Problem?.Detail);
    }

    [Fact]
    public void Verify_TwilioPublishedIncorrectSignature_IsInvalidSignature()
    {
        // Arrange: twilio-csharp's TestValidateFailsWhenIncorrect.
        var request = Request(Url, Form, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=");
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignature401()
    {
        // Arrange
        var request = Request(Url, Form, signature: null);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal("urn:integrationhub:problem:missing-signature", result.Problem.Type);
        Assert.Contains("X-Twilio-Signature", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoTokens_IsValid()
    {
        // Arrange
        var request = Request(Url, Form, FormSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherToken, AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_SignedWithNeitherToken_IsInvalidSignature()
    {
        // Arrange
        var request = Request(Url, Form, FormSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(OtherToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Theory]
    [InlineData("CallSid=CA1234567890ABCDE&From=%2B14158675309&Digits=9999&To=%2B18005551212&Caller=%2B14158675309")]
    [InlineData("CallSid=CA1234567890ABCDE&From=+14158675309&Digits=1234&To=%2B18005551212&Caller=%2B14158675309")]
    [InlineData("CallSid=CA1234567890ABCDE&From=%2B14158675309&Digits=1234&To=%2B18005551212")]
    public void Verify_FormTamperedAfterSigning_IsInvalidSignature(string body)
    {
        // Arrange: a changed value, an unescaped + (which decodes to a space), a dropped parameter.
        var request = Request(Url, body, FormSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
    }

    [Fact]
    public void Verify_JsonBodyTamperedAfterSigning_IsInvalidBecauseBodyHashDiffers()
    {
        // Arrange: the URL (and so the signature) is untouched; only bodySHA256 can catch this.
        var request = Request(Url + "&bodySHA256=" + JsonBodyHash, JsonBody.Replace("true", "false", StringComparison.Ordinal), JsonSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("urn:integrationhub:problem:invalid-signature", result.Problem!.Type);
        Assert.Contains("bodySHA256", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_QueryTamperedAfterSigning_IsInvalidSignature()
    {
        // Arrange
        var request = Request(Url.Replace("bar=2", "bar=3", StringComparison.Ordinal), Form, FormSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Verify_IdempotencyTokenHeader_IsTheDeliveryId()
    {
        // Arrange
        var request = Request(Url, Form, FormSignature, idempotencyToken: "a6c3c7b1d2e0f4a8-1");
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal("a6c3c7b1d2e0f4a8-1", result.DeliveryId);
    }

    [Fact]
    public void Verify_NoIdempotencyToken_DeliveryIdIsDerivedFromBody()
    {
        // Arrange
        var request = Request(Url, Form, FormSignature);
        var sut = CreateSut();

        // Act
        var result = sut.Verify(request, ConnectionWith(AuthToken), DateTimeOffset.UnixEpoch);

        // Assert
        Assert.Equal(ContentDeliveryId.For(Encoding.UTF8.GetBytes(Form)), result.DeliveryIdFor(Encoding.UTF8.GetBytes(Form)));
    }

    [Fact]
    public void Verify_EveryRefusal_ProblemNeverContainsTokenOrPayload()
    {
        // Arrange: one request per way to fail, with a token long enough not to occur in a detail by chance.
        const string token = "f3b2c1d0e9a8b7c6d5e4f3a2b1c0d9e8";
        var requests = new[]
        {
            Request(Url, Form, signature: null),
            Request(Url, Form, FormSignature),
            Request(Url + "&bodySHA256=" + JsonBodyHash, "{}", JsonSignature),
        };
        var sut = CreateSut();

        // Act
        var problems = requests.Select(r => sut.Verify(r, ConnectionWith(token), DateTimeOffset.UnixEpoch).Problem!).ToList();

        // Assert
        Assert.Equal(requests.Length, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("14158675309", text, StringComparison.Ordinal);
            Assert.DoesNotContain("mycompany.com", text, StringComparison.Ordinal);
        });
    }
}
