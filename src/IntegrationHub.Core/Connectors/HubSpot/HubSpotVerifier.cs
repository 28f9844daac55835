using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.HubSpot;

/// <summary>Verifies HubSpot's signatures: <c>X-HubSpot-Signature-v3</c> when it is present (base64 HMAC-SHA256 of
/// method, URI, body and millisecond timestamp, within the tolerance), otherwise <c>X-HubSpot-Signature</c> v1 (hex
/// SHA-256 of client secret and body) or v2 (of client secret, method, URI and body). A delivery is a batch of events
/// with no single id, so its id is derived from the body.</summary>
public sealed class HubSpotVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    /// <summary>The escapes v3 decodes in the URI before signing (HubSpot's "validating requests" table).</summary>
    private static readonly SearchValues<byte> V3DecodedCharacters = SearchValues.Create(":/?@!$'()*,;"u8);

    public string Provider => HubSpotProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        // v3 is preferred whenever it is sent, and then alone decides: falling back would let a forger downgrade to v1.
        var problem = request.Header(HubSpotProvider.SignatureV3Header) is { Length: > 0 } v3
            ? VerifyV3(request, v3, connection, now)
            : VerifyV1OrV2(request, connection);
        return problem is null ? VerificationResult.ValidWithoutId() : VerificationResult.Invalid(problem);
    }

    private WebhookProblem? VerifyV3(WebhookRequest request, string signature, ConnectionOptions connection, DateTimeOffset now)
    {
        var timestampText = request.Header(HubSpotProvider.TimestampHeader);
        if (string.IsNullOrEmpty(timestampText))
        {
            return WebhookProblem.MissingSignature(
                $"{HubSpotProvider.SignatureV3Header} is present but {HubSpotProvider.TimestampHeader} is missing.");
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return WebhookProblem.InvalidSignature($"{HubSpotProvider.TimestampHeader} is not a Unix time in milliseconds.");
        }
        var toleranceMs = (long)options.Value.TimestampTolerance.TotalMilliseconds;
        var skewMs = now.ToUnixTimeMilliseconds() - timestamp;
        if (Math.Abs(skewMs) > toleranceMs)
        {
            return WebhookProblem.StaleTimestamp(string.Create(
                CultureInfo.InvariantCulture,
                $"{HubSpotProvider.TimestampHeader} is {Math.Abs(skewMs) / 1000.0:0.###} seconds "
                + $"{(skewMs > 0 ? "behind" : "ahead of")} the hub's clock; the tolerance is {toleranceMs / 1000.0:0.###} seconds."));
        }

        // Signed: method, URI (some escapes decoded), body, timestamp — hashed in those pieces, the body where it lies.
        Span<byte> stack = stackalloc byte[SignedParts.PrefixStackSize];
        var prefix = SignedParts.Utf8(stack, request.Method, request.Url.OriginalString);
        var methodLength = Encoding.UTF8.GetByteCount(request.Method);
        prefix = prefix[..(methodLength + DecodeV3Escapes(prefix[methodLength..]))];
        Span<byte> suffix = stackalloc byte[SignedParts.PrefixStackSize];
        var signed = new SignedParts(prefix, request.Body.Span, SignedParts.Utf8(suffix, timestampText));
        return SecretHmac.AnyMatches(HashAlgorithmName.SHA256, connection.Secrets, signed, signature, SignatureEncoding.Base64)
            ? null
            : WebhookProblem.InvalidSignature($"{HubSpotProvider.SignatureV3Header} matches no configured client secret.");
    }

    private static WebhookProblem? VerifyV1OrV2(WebhookRequest request, ConnectionOptions connection)
    {
        var signature = request.Header(HubSpotProvider.SignatureHeader);
        if (string.IsNullOrEmpty(signature))
        {
            return WebhookProblem.MissingSignature(
                $"Neither {HubSpotProvider.SignatureV3Header} nor {HubSpotProvider.SignatureHeader} is present.");
        }
        var version = request.Header(HubSpotProvider.SignatureVersionHeader);
        if (string.IsNullOrEmpty(version))
        {
            return WebhookProblem.MissingSignature(
                $"{HubSpotProvider.SignatureHeader} is present but {HubSpotProvider.SignatureVersionHeader} is missing.");
        }
        var isV2 = string.Equals(version, "v2", StringComparison.OrdinalIgnoreCase);
        if (!isV2 && !string.Equals(version, "v1", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookProblem.InvalidSignature($"{HubSpotProvider.SignatureVersionHeader} must be v1 or v2.");
        }

        var method = isV2 ? request.Method : "";
        var uri = isV2 ? request.Url.OriginalString : "";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> stack = stackalloc byte[SignedParts.PrefixStackSize];
        foreach (var secret in connection.Secrets)
        {
            // The client secret starts the hashed text: it is hashed from the stack, which is wiped after each use.
            var prefix = SignedParts.Utf8(stack, secret, method, uri);
            try
            {
                HashContexts.Finish(HashContexts.Sha256(), new SignedParts(prefix, request.Body.Span), hash);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(prefix);
            }
            if (SignatureText.HexEquals(signature, hash))
            {
                return null;
            }
        }
        return WebhookProblem.InvalidSignature(
            $"{HubSpotProvider.SignatureHeader} ({(isV2 ? "v2" : "v1")}) matches no configured client secret.");
    }

    /// <summary>Decodes, in place, the percent-escapes of the characters v3 signs decoded; returns the new length.</summary>
    private static int DecodeV3Escapes(Span<byte> uri)
    {
        var written = 0;
        for (var read = 0; read < uri.Length; read++)
        {
            if (uri[read] == (byte)'%' && read + 2 < uri.Length
                && HexDigit(uri[read + 1]) is >= 0 and var high && HexDigit(uri[read + 2]) is >= 0 and var low
                && V3DecodedCharacters.Contains((byte)((high << 4) | low)))
            {
                uri[written++] = (byte)((high << 4) | low);
                read += 2;
            }
            else
            {
                uri[written++] = uri[read];
            }
        }
        return written;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };
}
