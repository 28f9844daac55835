using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Slack;

/// <summary>Verifies Slack's request signing: <c>X-Slack-Signature: v0=&lt;hex&gt;</c>, a hex HMAC-SHA256 of
/// <c>v0:{X-Slack-Request-Timestamp}:{body}</c> keyed by the signing secret's UTF-8 text, the timestamp within the hub's
/// tolerance (Slack's own rule is five minutes). The delivery id is an Events API body's <c>event_id</c> (kept across
/// Slack's retries), else one derived from the body (slash commands and interactivity carry no id).</summary>
public sealed class SlackVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private const string Version = "v0";

    private static readonly VerificationResult ValidCallback =
        VerificationResult.ValidWithIdInBody(VendorDeliveryId.InTopLevelProperty("event_id"));

    public string Provider => SlackProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(SlackProvider.SignatureHeader);
        var timestampText = request.Header(SlackProvider.TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestampText))
        {
            var missing = string.IsNullOrEmpty(signature) ? SlackProvider.SignatureHeader : SlackProvider.TimestampHeader;
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {missing} header is missing."));
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {SlackProvider.TimestampHeader} header is not Unix seconds."));
        }
        if (!signature.StartsWith(Version + "=", StringComparison.Ordinal))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"The {SlackProvider.SignatureHeader} header does not start with {Version}=."));
        }
        if (!AnySecretMatches(signature.AsSpan(Version.Length + 1), timestampText, request.Body.Span, connection.Secrets))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {SlackProvider.SignatureHeader} signature matches no configured signing secret."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"The {SlackProvider.TimestampHeader} {timestamp} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {tolerance}-second tolerance."));
        }
        return ValidCallback;
    }

    private static bool AnySecretMatches(ReadOnlySpan<char> hex, string timestamp, ReadOnlySpan<byte> body, List<string> secrets)
    {
        Span<byte> prefix = stackalloc byte[SignedParts.PrefixStackSize];
        var signed = new SignedParts(SignedParts.Utf8(prefix, Version, ":", timestamp, ":"), body);
        return SecretHmac.AnyMatches(HashAlgorithmName.SHA256, secrets, signed, hex, SignatureEncoding.Hex);
    }
}
