namespace IntegrationHub.Core.Tests.Connectors.Slack;

/// <summary>The vectors in <c>Fixtures/webhooks/signatures/slack.json</c> (python-slack-sdk's test values, which come
/// from Slack's docs).</summary>
public static class SlackVector
{
    public const string FixturePath = "Fixtures/webhooks/signatures/slack.json";

    public static IReadOnlyList<SignatureVector> LoadAll() => SignatureVector.LoadAll(FixturePath);

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out.</summary>
    public static TheoryData<int, string> Cases() => SignatureVector.Cases(FixturePath);
}
