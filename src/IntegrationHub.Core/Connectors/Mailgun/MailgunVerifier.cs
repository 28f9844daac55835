using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Mailgun;

/// <summary>Verifies Mailgun's body signature: <c>signature.signature</c> (or, for a subaccount's domain,
/// <c>signature.parent-signature</c>) is the hex HMAC-SHA256 of <c>timestamp + token</c> keyed by a webhook signing key,
/// and <c>timestamp</c> must be within the tolerance. The signature covers the token, not the event data, so the token
/// is the delivery id: a replayed signature dedupes onto the first delivery whatever body it arrives with.</summary>
public sealed class MailgunVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    /// <summary>The signed token is the delivery id, read from the body once the delivery is accepted.</summary>
    private static readonly VerificationResult ValidToken = VerificationResult.ValidWithIdInBody(new MailgunToken());

    /// <summary>Mailgun's timestamp is 10 digits and its token 50 characters; anything longer is not Mailgun's.</summary>
    private const int MaxSignedBytes = 256;

    private const int MaxSignatureChars = 128;

    private const string Fields = "signature.timestamp, signature.token and signature.signature";

    public string Provider => MailgunProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var body = request.Body.Span;
        if (!MailgunSignatureFields.TryLocate(body, out var fields))
        {
            return Invalid(WebhookProblem.MissingSignature(
                "The body is not a JSON object with a \"signature\" object (form-encoded legacy webhooks are not supported)."));
        }
        if (fields is not { Timestamp: { } timestampRange, Token: { } tokenRange, Signature: { } signatureRange }
            || body[tokenRange].IsEmpty || body[signatureRange].IsEmpty)
        {
            return Invalid(WebhookProblem.MissingSignature($"{Fields} are all required and non-empty."));
        }

        var timestampText = body[timestampRange];
        if (!Utf8Parser.TryParse(timestampText, out long timestamp, out var consumed) || consumed != timestampText.Length)
        {
            return Invalid(WebhookProblem.InvalidSignature("signature.timestamp is not a Unix time in seconds."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var skew = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(skew) > tolerance)
        {
            return Invalid(WebhookProblem.StaleTimestamp(
                $"signature.timestamp is {Math.Abs(skew)} seconds {(skew > 0 ? "behind" : "ahead of")} the hub's clock; "
                + $"the tolerance is {tolerance} seconds."));
        }

        var token = body[tokenRange];
        Span<char> signature = stackalloc char[MaxSignatureChars];
        Span<char> parentSignature = stackalloc char[MaxSignatureChars];
        if (timestampText.Length + token.Length > MaxSignedBytes
            || !TryAscii(body[signatureRange], signature, out var signatureLength)
            || !TryAscii(fields.ParentSignature is { } parentRange ? body[parentRange] : default, parentSignature, out var parentLength))
        {
            return Invalid(WebhookProblem.InvalidSignature($"{Fields} are longer than Mailgun sends."));
        }

        Span<byte> signed = stackalloc byte[MaxSignedBytes];
        timestampText.CopyTo(signed);
        token.CopyTo(signed[timestampText.Length..]);
        signed = signed[..(timestampText.Length + token.Length)];
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var key in connection.Secrets)
        {
            SecretHmac.Compute(HashAlgorithmName.SHA256, key, signed, mac);
            if (SignatureText.HexEquals(signature[..signatureLength], mac)
                || (parentLength > 0 && SignatureText.HexEquals(parentSignature[..parentLength], mac)))
            {
                return ValidToken;
            }
        }
        return Invalid(WebhookProblem.InvalidSignature("signature.signature matches no configured webhook signing key."));
    }

    private static VerificationResult Invalid(WebhookProblem problem) => VerificationResult.Invalid(problem);

    private static bool TryAscii(ReadOnlySpan<byte> text, Span<char> destination, out int written)
    {
        written = 0;
        if (text.Length > destination.Length)
        {
            return false;
        }
        written = Encoding.ASCII.GetChars(text, destination);
        return true;
    }

}
