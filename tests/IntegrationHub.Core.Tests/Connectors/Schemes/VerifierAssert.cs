using System.Text;
using IntegrationHub.Core.Connectors;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>What every verifier's answers must show, whatever its scheme.</summary>
public static class VerifierAssert
{
    public const string MissingSignature = "urn:integrationhub:problem:missing-signature";
    public const string InvalidSignature = "urn:integrationhub:problem:invalid-signature";
    public const string StaleTimestamp = "urn:integrationhub:problem:stale-timestamp";

    /// <summary>The vector file has <paramref name="count"/> vectors, valid and invalid ones, each a theory case.</summary>
    public static void CoversEveryVectorBothWays(IReadOnlyList<SignatureVector> vectors, TheoryData<int, string> cases, int count)
    {
        Assert.Equal(vectors.Count, cases.Count);
        Assert.Equal(count, vectors.Count);
        Assert.Contains(vectors, v => v.Valid);
        Assert.Contains(vectors, v => !v.Valid);
    }

    /// <summary>The verifier answered <paramref name="vector"/> as it expects; an invalid one must be refused as
    /// <paramref name="refusedAs"/> (an invalid signature unless the caller knows better).</summary>
    public static void AnswersVector(VerificationResult result, SignatureVector vector, int index, string note, string refusedAs = InvalidSignature)
    {
        Assert.True(vector.Valid == result.IsValid, $"vector {index} ({note}): expected valid={vector.Valid}");
        if (!vector.Valid)
        {
            Assert.Equal(refusedAs, result.Problem!.Type);
        }
    }

    /// <summary>For vendors whose deliveries carry no id: a valid vector gets its content's id, an invalid one a 401 and
    /// no id.</summary>
    public static void AnswersVectorWithContentId(VerificationResult result, bool valid, byte[] body, int index, string note)
    {
        Assert.True(valid == result.IsValid, $"vector {index} ({note}): expected valid={valid}, got {result.Problem?.Detail}");
        if (valid)
        {
            Assert.Equal(ContentDeliveryId.For(body), result.DeliveryIdFor(body));
        }
        else
        {
            Assert.Null(result.DeliveryId);
            Assert.Equal(401, result.Problem!.Status);
        }
    }

    /// <summary>A 401 missing-signature refusal whose detail names <paramref name="header"/>.</summary>
    public static void MissingSignatureNaming(VerificationResult result, string header)
    {
        Assert.Equal(401, result.Problem!.Status);
        Assert.Equal(MissingSignature, result.Problem.Type);
        Assert.Contains(header, result.Problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>A stale-timestamp refusal whose detail says <paramref name="byHowMuch"/> and mentions <paramref name="also"/>.</summary>
    public static void Stale(VerificationResult result, string byHowMuch, string also)
    {
        Assert.Equal(StaleTimestamp, result.Problem!.Type);
        Assert.Contains(byHowMuch, result.Problem.Detail, StringComparison.Ordinal);
        Assert.Contains(also, result.Problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>Each refusal says something different, and none repeats the secret or the payload.</summary>
    public static void RefusalsDiscloseNothing(IReadOnlyList<VerificationResult> results, string secret, string payload)
    {
        var problems = results.Select(r => r.Problem!).ToList();
        Assert.Equal(results.Count, problems.Select(p => p.Detail).Distinct().Count());
        Assert.All(problems, problem =>
        {
            var text = $"{problem.Type} {problem.Title} {problem.Detail}";
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(payload, text, StringComparison.Ordinal);
        });
    }

    /// <summary>The delivery id <paramref name="result"/> gives <paramref name="body"/>.</summary>
    public static string DeliveryId(VerificationResult result, string body) => result.DeliveryIdFor(Encoding.UTF8.GetBytes(body));
}
