using IntegrationHub.Core.Connectors.StandardWebhooks;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

/// <summary>The theory data: the vectors whose <c>source</c> is <c>standard-webhooks</c> (the libraries' own test suites).</summary>
public static class StandardWebhooksVectors
{
    /// <summary>The HMAC (<c>v1</c>) vectors, by index into the file, with the vector's note to name the case.
    /// The file's other vectors are filtered out here on purpose, not skipped: the <c>v1a-unknown</c> ones are Ed25519
    /// (<c>v1a</c>) signatures, and the <c>standard-webhooks-spec</c> one is a spec example with no published key —
    /// both belong to the later issue that adds <c>v1a</c> verification.</summary>
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var vectors = StandardWebhooksVector.LoadAll();
        for (var index = 0; index < vectors.Count; index++)
        {
            if (vectors[index].Source == StandardWebhooksProvider.Id)
            {
                data.Add(index, vectors[index].Note);
            }
        }
        return data;
    }
}
