using System.Diagnostics.CodeAnalysis;

namespace IntegrationHub.Core.Webhooks;

/// <summary>Answers a vendor's signed POST that checks the webhook URL rather than delivering an event (Slack's
/// <c>url_verification</c>). It runs only after the POST is verified, and a POST it answers is neither archived nor
/// queued: the endpoint answers 200 with the text.</summary>
public interface IWebhookChallenge
{
    /// <summary>The provider id this challenge serves (lowercase kebab-case).</summary>
    string Provider { get; }

    /// <summary>True, with the text to answer, when the verified <paramref name="request"/> is the vendor's URL check;
    /// false when it is a delivery like any other.</summary>
    bool TryAnswer(WebhookRequest request, [NotNullWhen(true)] out string? text);
}
