using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.StandardWebhooks;

/// <summary>Verifies the Standard Webhooks scheme: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64&gt;</c>
/// entries, each an HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> keyed by the base64 bytes after the
/// secret's <c>whsec_</c> prefix; the timestamp must be within the tolerance either way.</summary>
public sealed class StandardWebhooksVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string Version = "v1";

    public string Provider => StandardWebhooksProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var id = request.Header(IdHeader);
        var timestampText = request.Header(TimestampHeader);
        var signatures = request.Header(SignatureHeader);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestampText) || string.IsNullOrEmpty(signatures))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature(
                $"The {IdHeader}, {TimestampHeader} and {SignatureHeader} headers are all required."));
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"{TimestampHeader} is not a Unix time in seconds."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"{TimestampHeader} is more than {tolerance} seconds from the hub's clock."));
        }

        var offered = OfferedSignatures(signatures);
        foreach (var secret in connection.Secrets)
        {
            if (SecretKey(secret) is not { } key)
            {
                continue;
            }
            var expected = Sign(key, id, timestampText, request.Body.Span);
            if (offered.Any(candidate => CryptographicOperations.FixedTimeEquals(candidate, expected)))
            {
                return VerificationResult.Valid(id);
            }
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"No {Version} signature matches a configured secret."));
    }

    /// <summary>Computes the <c>v1</c> signature bytes for a message.</summary>
    public static byte[] Sign(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The key bytes of a secret: base64 after an optional <c>whsec_</c> prefix; null if it is not base64.</summary>
    public static byte[]? SecretKey(string secret)
    {
        var encoded = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    private static List<byte[]> OfferedSignatures(string header)
    {
        var offered = new List<byte[]>();
        foreach (var entry in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',', StringComparison.Ordinal);
            if (comma <= 0 || entry[..comma] != Version)
            {
                continue;
            }
            var encoded = entry[(comma + 1)..];
            var buffer = new byte[encoded.Length];
            if (Convert.TryFromBase64String(encoded, buffer, out var written))
            {
                offered.Add(buffer[..written]);
            }
        }
        return offered;
    }
}
