namespace IntegrationHub.Core.Tests.Connectors.Typeform;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/typeform.json</c> (Typeform's JavaScript client's own test
/// values).</summary>
public static class TypeformVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/typeform.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
