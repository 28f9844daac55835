using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What every verifier of the one-header body scheme (<see cref="BodyHmacSigner"/>) must do; each vendor's test
/// class derives from this, says how its vendor signs, and adds the tests only its vendor needs.</summary>
public abstract class BodyHmacVerifierTests : VendorVerifierTests
{
    protected abstract BodyHmacSigner Signer { get; }

    /// <summary><see cref="Body"/> changed after signing.</summary>
    protected virtual string Tampered => Body.Replace(Payload, "eve@example.com", StringComparison.Ordinal);

    /// <summary>A delivery signed as the vendor signs it (with the vendor's other headers).</summary>
    protected virtual WebhookRequest Sign(string secret, string body) => Signer.Sign(secret, body);

    protected WebhookRequest Sign(string secret) => Sign(secret, Body);

    /// <summary>Checks a vendor vector with its own secret and clock.</summary>
    protected VerificationResult VerifyVector(SignatureVector vector, int index, string note)
    {
        var result = CreateSut().Verify(WebhookRequests.FromVector(Signer.Connection, vector), ConnectionWith(vector.Secret), vector.Now);
        VerifierAssert.AnswersVector(result, vector, index, note);
        return result;
    }

    [Fact]
    public void Verify_SignatureHeaderMissing_IsMissingSignatureNamingHeader()
    {
        var result = Verify(Signer.Request(Body, null), Secret);

        VerifierAssert.MissingSignatureNaming(result, Signer.Header);
    }

    [Fact]
    public void Verify_SignedWithSecondOfTwoSecrets_IsValid()
    {
        var result = Verify(Sign(NextSecret), Secret, NextSecret);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Verify_BodyTamperedAfterSigning_IsInvalidSignature()
    {
        var result = Verify(WebhookRequests.WithBody(Sign(Secret), Tampered), Secret);

        Assert.Equal(VerifierAssert.InvalidSignature, result.Problem!.Type);
    }

    [Fact]
    public void Verify_EveryRefusal_DetailNeverContainsSecretOrPayload()
    {
        // One request per way to fail: no header, the right digest without the vendor's prefix (where it has one), and
        // a signature over another body.
        var requests = new List<WebhookRequest> { Signer.Request(Body, null) };
        if (Signer.Prefix.Length > 0)
        {
            requests.Add(Signer.Request(Body, Signer.Digest(Secret, Body)));
        }
        requests.Add(WebhookRequests.WithBody(Sign(Secret), "{}"));

        var results = requests.Select(r => Verify(r, Secret)).ToList();

        VerifierAssert.RefusalsDiscloseNothing(results, Secret, Payload);
    }
}
