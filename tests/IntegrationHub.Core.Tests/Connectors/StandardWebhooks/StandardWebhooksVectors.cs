using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Tests.Connectors.Schemes;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

/// <summary>The theory data: the vectors whose <c>source</c> is <c>standard-webhooks</c> (the libraries' own test suites)
/// or <c>v1a-unknown</c> (an Ed25519 <c>v1a</c> example, and our tampered copy of it).</summary>
public static class StandardWebhooksVectors
{
    public const string V1aSource = "v1a-unknown";

    /// <summary>The verifiable vectors, by index into the file, with the vector's note to name the case.
    /// The file's <c>standard-webhooks-spec</c> vector is filtered out here on purpose, not skipped: it is the spec's
    /// example headers (one <c>v1</c> and one <c>v1a</c> signature) with no published secret or public key, so no
    /// verifier can check it either way.</summary>
    public static TheoryData<int, string> Cases() => VectorFile.Cases(
        StandardWebhooksVector.LoadAll(),
        v => v.Note,
        v => v.Source == StandardWebhooksProvider.Id || v.Source.StartsWith(V1aSource, StringComparison.Ordinal));
}
