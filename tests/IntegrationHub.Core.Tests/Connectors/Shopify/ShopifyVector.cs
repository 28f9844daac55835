namespace IntegrationHub.Core.Tests.Connectors.Shopify;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/shopify.json</c> (Shopify's Ruby library's test inputs;
/// expected values computed from the documented scheme).</summary>
public static class ShopifyVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/shopify.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
