namespace IntegrationHub.Core.Tests.Connectors.Meta;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/github.json</c> (GitHub's docs and octokit test values:
/// Meta signs <c>X-Hub-Signature-256</c> exactly as GitHub does).</summary>
public static class MetaVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/github.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
