using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Zendesk;

/// <summary>Verifies Zendesk's scheme: <c>X-Zendesk-Webhook-Signature</c> is base64(HMAC-SHA256(timestamp + body)) keyed by
/// the signing secret's UTF-8 text (the secret is used as written, not base64-decoded), with the timestamp taken verbatim
/// from <c>X-Zendesk-Webhook-Signature-Timestamp</c>. The timestamp must be within the hub's tolerance. The delivery id is
/// <c>X-Zendesk-Webhook-Invocation-Id</c>, else one derived from the body.</summary>
public sealed class ZendeskVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private static readonly string[] IsoFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public string Provider => ZendeskProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signature = request.Header(ZendeskProvider.SignatureHeader);
        var timestampText = request.Header(ZendeskProvider.TimestampHeader);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestampText))
        {
            var missing = string.IsNullOrEmpty(signature) ? ZendeskProvider.SignatureHeader : ZendeskProvider.TimestampHeader;
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {missing} header is missing."));
        }
        if (ParseTimestamp(timestampText) is not { } timestamp)
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {ZendeskProvider.TimestampHeader} header is not an ISO 8601 time (nor Unix seconds)."));
        }
        if (!AnySecretMatches(signature, timestampText, request.Body.Span, connection.Secrets))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {ZendeskProvider.SignatureHeader} signature matches no configured signing secret."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp.ToUnixTimeSeconds();
        if (Math.Abs(age) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"The {ZendeskProvider.TimestampHeader} {timestampText} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {tolerance}-second tolerance."));
        }
        return VendorDeliveryId.Usable(request.Header(ZendeskProvider.InvocationIdHeader)) is { } invocation
            ? VerificationResult.Valid(invocation)
            : VerificationResult.ValidWithoutId();
    }

    /// <summary>Zendesk documents ISO 8601 (<c>2021-03-25T05:09:27Z</c>). All-digit text is read as Unix seconds: the
    /// only published vectors sign the placeholder <c>1234</c>, and a signed number of seconds is bounded just as well.</summary>
    private static DateTimeOffset? ParseTimestamp(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }
        return DateTimeOffset.TryParseExact(
            text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
    }

    private static bool AnySecretMatches(string base64, string timestamp, ReadOnlySpan<byte> body, List<string> secrets)
    {
        // The signed content is `{timestamp}{body}`; the timestamp parsed as ISO 8601 or digits, so it is ASCII.
        Span<byte> prefix = stackalloc byte[SignedParts.PrefixStackSize];
        var signed = new SignedParts(SignedParts.Utf8(prefix, timestamp), body);
        return SecretHmac.AnyMatches(HashAlgorithmName.SHA256, secrets, signed, base64, SignatureEncoding.Base64);
    }
}
