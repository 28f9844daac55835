using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What every verifier of a scheme that signs a timestamp with the body (Stripe's and Calendly's <c>t=,v1=</c>
/// header, Slack's and Zendesk's signature and timestamp headers) must do, with the hub's default five-minute window;
/// each vendor's test class derives from this, says how its vendor signs, and adds the tests only its vendor needs.</summary>
public abstract class TimestampedVerifierTests : VendorVerifierTests
{
    /// <summary>What a stale refusal's detail mentions besides how far out the timestamp is.</summary>
    protected abstract string StaleDetailMentions { get; }

    /// <summary>The verifier, with <paramref name="tolerance"/> as the hub's window (five minutes when null).</summary>
    protected abstract IWebhookVerifier CreateSut(TimeSpan? tolerance);

    protected sealed override IWebhookVerifier CreateSut() => CreateSut(null);

    /// <summary>A delivery of <paramref name="body"/> signed as the vendor signs it at <paramref name="sentAt"/>.</summary>
    protected abstract WebhookRequest Sign(string secret, DateTimeOffset sentAt, string body);

    /// <summary>One refused request per way the vendor's headers can fail (missing, malformed), besides the tampered
    /// body and the stale timestamp every vendor has.</summary>
    protected abstract IEnumerable<WebhookRequest> RefusedHeaders();

    protected WebhookRequest Sign(string secret, DateTimeOffset sentAt) => Sign(secret, sentAt, Body);

    /// <summary>Checks a vendor vector with its own secret, clock and tolerance; an invalid one whose timestamp is outside
    /// its tolerance must be refused as stale, any other as an invalid signature.</summary>
    protected VerificationResult VerifyVector(string connection, SignatureVector vector, int index, string note)
    {
        var tolerance = vector.Tolerance ?? TimeSpan.FromMinutes(5);
        var result = CreateSut(vector.Tolerance).Verify(WebhookRequests.FromVector(connection, vector), ConnectionWith(vector.Secret), vector.Now);
        var stale = vector.Timestamp is { } t && Math.Abs(vector.Now.ToUnixTimeSeconds() - t) > tolerance.TotalSeconds;
        VerifierAssert.AnswersVector(result, vector, index, note, stale ? VerifierAssert.StaleTimestamp : VerifierAssert.InvalidSignature);
        return result;
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        var result = Verify(Sign(NextSecret, Now), Secret, NextSecret);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        var request = WebhookRequests.WithBody(Sign(Secret, Now), Body.Replace(Payload, "eve@example.com", StringComparison.Ordinal));

        var result = Verify(request, Secret);

        Assert.False(result.IsValid);
        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Theory]
    [InlineData(-301, "301 seconds in the past")]
    [InlineData(301, "301 seconds in the future")]
    public void Verify_TimestampBeyondTolerance_IsStaleTimestampSayingByHowMuch(int sentSecondsFromNow, string expected)
    {
        var result = Verify(Sign(Secret, Now.AddSeconds(sentSecondsFromNow)), Secret);

        VerifierAssert.Stale(result, expected, StaleDetailMentions);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtToleranceEdge_IsValid(int sentSecondsFromNow)
    {
        var result = Verify(Sign(Secret, Now.AddSeconds(sentSecondsFromNow)), Secret);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        var requests = RefusedHeaders()
            .Append(WebhookRequests.WithBody(Sign(Secret, Now), "{}"))
            .Append(Sign(Secret, Now.AddHours(-1)));

        var results = requests.Select(r => Verify(r, Secret)).ToList();

        VerifierAssert.RefusalsDiscloseNothing(results, Secret, Payload);
    }
}
