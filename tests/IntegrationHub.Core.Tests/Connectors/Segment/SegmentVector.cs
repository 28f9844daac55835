namespace IntegrationHub.Core.Tests.Connectors.Segment;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/segment.json</c> (Segment's action-destinations test
/// inputs; expected values computed from the documented scheme).</summary>
public static class SegmentVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/segment.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
