using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Calendly;

/// <summary>Verifies Calendly's scheme: <c>Calendly-Webhook-Signature: t=…,v1=…</c>, <c>v1</c> a hex HMAC-SHA256 of
/// <c>{t}.{body}</c> keyed by the webhook signing key's UTF-8 text, <c>t</c> within the hub's tolerance. Calendly sends no
/// delivery id, so the id is derived from the body.</summary>
public sealed class CalendlyVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    private const int MaxStackKeyBytes = 256;

    public string Provider => CalendlyProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var header = request.Header(CalendlyProvider.SignatureHeader);
        if (string.IsNullOrEmpty(header))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature($"The {CalendlyProvider.SignatureHeader} header is missing."));
        }
        if (!TryParse(header, out var timestampText, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The {CalendlyProvider.SignatureHeader} header is malformed: it needs t=<unix seconds> and a v1=<hex> entry."));
        }
        if (!AnySecretMatches(header, timestampText, request.Body.Span, connection.Secrets))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
                $"The v1 signature in the {CalendlyProvider.SignatureHeader} header matches no configured signing key."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"The {CalendlyProvider.SignatureHeader} timestamp t={timestamp} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {tolerance}-second tolerance."));
        }
        return VerificationResult.Valid(ContentDeliveryId.For(request.Body.Span));
    }

    private static bool TryParse(string header, out ReadOnlySpan<char> timestampText, out long timestamp)
    {
        timestampText = default;
        var hasSignature = false;
        foreach (var range in header.AsSpan().Split(','))
        {
            var entry = header.AsSpan()[range].Trim();
            if (entry.StartsWith("t=", StringComparison.Ordinal))
            {
                timestampText = entry[2..];
            }
            else if (entry.StartsWith("v1=", StringComparison.Ordinal) && entry.Length > 3)
            {
                hasSignature = true;
            }
        }
        timestamp = 0;
        return hasSignature && long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }

    private static bool AnySecretMatches(string header, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body, List<string> secrets)
    {
        // The signed payload is `{t}.{body}`: assembled once in a pooled buffer, then signed with each key.
        var length = timestamp.Length + 1 + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var signed = buffer.AsSpan(0, length);
            Encoding.ASCII.GetBytes(timestamp, signed);
            signed[timestamp.Length] = (byte)'.';
            body.CopyTo(signed[(timestamp.Length + 1)..]);

            Span<byte> keyBuffer = stackalloc byte[MaxStackKeyBytes];
            Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
            foreach (var secret in secrets)
            {
                ReadOnlySpan<byte> key = Encoding.UTF8.TryGetBytes(secret, keyBuffer, out var written)
                    ? keyBuffer[..written]
                    : Encoding.UTF8.GetBytes(secret);
                HMACSHA256.HashData(key, signed, expected);
                foreach (var range in header.AsSpan().Split(','))
                {
                    var entry = header.AsSpan()[range].Trim();
                    if (entry.StartsWith("v1=", StringComparison.Ordinal) && SignatureText.HexEquals(entry[3..], expected))
                    {
                        return true;
                    }
                }
            }
            return false;
        }
        finally
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
