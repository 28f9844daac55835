namespace IntegrationHub.Core.Tests.Connectors.Zendesk;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/zendesk.json</c> (a third-party Go SDK's test values,
/// signed with Zendesk's documented static test secret).</summary>
public static class ZendeskVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/zendesk.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
