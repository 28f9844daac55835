namespace IntegrationHub.Core.Tests.Connectors.Stripe;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/stripe.json</c> (stripe-dotnet's own test
/// values).</summary>
public static class StripeVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/stripe.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
