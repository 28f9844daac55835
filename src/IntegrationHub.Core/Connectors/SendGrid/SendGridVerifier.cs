using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.SendGrid;

/// <summary>Verifies the signed Event Webhook: <c>X-Twilio-Email-Event-Webhook-Signature</c> is a base64 DER ECDSA
/// P-256 / SHA-256 signature of <c>{timestamp}{body}</c>, checked with any of the connection's public keys (base64 DER
/// SubjectPublicKeyInfo, as SendGrid shows it, or PEM), and the timestamp must be within the tolerance. A delivery is a
/// batch of events, so its id is derived from the body.</summary>
public sealed class SendGridVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    /// <summary>Imported keys by their configured text. Importing costs more than verifying, so keys are imported once;
    /// an <see cref="ECDsa"/> instance is not documented as safe to share between threads, so each verification rents
    /// one of its own and gives it back (a key holds at most as many instances as deliveries ever ran at once).</summary>
    private readonly ConcurrentDictionary<string, ConcurrentBag<ECDsa>> _imported = new(StringComparer.Ordinal);

    /// <summary>A P-256 SubjectPublicKeyInfo is 91 bytes; room for any EC key SendGrid could plausibly show.</summary>
    private const int MaxPublicKeyBytes = 512;

    /// <summary>A DER P-256 signature is at most 72 bytes.</summary>
    private const int MaxSignatureBytes = 128;

    public string Provider => SendGridProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var signatureText = request.Header(SendGridProvider.SignatureHeader);
        var timestampText = request.Header(SendGridProvider.TimestampHeader);
        if (string.IsNullOrEmpty(signatureText) || string.IsNullOrEmpty(timestampText))
        {
            return Invalid(WebhookProblem.MissingSignature(
                $"The {SendGridProvider.SignatureHeader} and {SendGridProvider.TimestampHeader} headers are both required."));
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Invalid(WebhookProblem.InvalidSignature($"{SendGridProvider.TimestampHeader} is not a Unix time in seconds."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var skew = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(skew) > tolerance)
        {
            return Invalid(WebhookProblem.StaleTimestamp(
                $"{SendGridProvider.TimestampHeader} is {Math.Abs(skew)} seconds {(skew > 0 ? "behind" : "ahead of")} the hub's clock; "
                + $"the tolerance is {tolerance} seconds."));
        }
        Span<byte> signature = stackalloc byte[MaxSignatureBytes];
        if (!Convert.TryFromBase64String(signatureText, signature, out var signatureLength))
        {
            return Invalid(WebhookProblem.InvalidSignature($"{SendGridProvider.SignatureHeader} is not a base64 signature."));
        }

        using var signed = SignedContent.Create(request.Body.Span, timestampText);
        Span<byte> keyBuffer = stackalloc byte[MaxPublicKeyBytes];
        foreach (var publicKey in connection.PublicKeys)
        {
            var pool = _imported.GetOrAdd(publicKey, static _ => []);
            if (!pool.TryTake(out var key) && (key = ImportOrNull(publicKey, keyBuffer)) is null)
            {
                continue;
            }
            try
            {
                if (key.VerifyData(signed.Span, signature[..signatureLength], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
                {
                    return VerificationResult.ValidWithoutId();
                }
            }
            finally
            {
                pool.Add(key);
            }
        }
        return Invalid(WebhookProblem.InvalidSignature(
            $"{SendGridProvider.SignatureHeader} does not verify with any configured public key."));
    }

    private static VerificationResult Invalid(WebhookProblem problem) => VerificationResult.Invalid(problem);

    /// <summary>An EC public key from base64 DER SubjectPublicKeyInfo or PEM; null when it is neither, so one bad
    /// entry does not stop a good one from verifying.</summary>
    private static ECDsa? ImportOrNull(string publicKey, Span<byte> buffer)
    {
        var key = ECDsa.Create();
        try
        {
            if (publicKey.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(publicKey);
            }
            else if (Convert.TryFromBase64String(publicKey.Trim(), buffer, out var written))
            {
                key.ImportSubjectPublicKeyInfo(buffer[..written], out _);
            }
            else
            {
                key.Dispose();
                return null;
            }
            return key;
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            key.Dispose();
            return null;
        }
    }
}
