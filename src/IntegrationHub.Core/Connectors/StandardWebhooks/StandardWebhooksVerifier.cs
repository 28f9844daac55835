using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;
using Ed25519PublicKey = NSec.Cryptography.PublicKey;
using KeyBlobFormat = NSec.Cryptography.KeyBlobFormat;
using SignatureAlgorithm = NSec.Cryptography.SignatureAlgorithm;

namespace IntegrationHub.Core.Connectors.StandardWebhooks;

/// <summary>Verifies the Standard Webhooks scheme: <c>webhook-signature</c> holds space-separated entries, each over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> — <c>v1,&lt;base64&gt;</c> an HMAC-SHA256 keyed by the base64 bytes
/// after a secret's <c>whsec_</c> prefix, <c>v1a,&lt;base64&gt;</c> an Ed25519 signature checked with a public key
/// (<c>whpk_</c> and the base64 of its 32 bytes); the timestamp must be within the tolerance either way. Svix sends the
/// same scheme under <c>svix-id</c>, <c>svix-timestamp</c> and <c>svix-signature</c>, so either family is accepted.</summary>
public sealed class StandardWebhooksVerifier(IOptions<HubOptions> options) : IWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SvixIdHeader = "svix-id";
    public const string SvixTimestampHeader = "svix-timestamp";
    public const string SvixSignatureHeader = "svix-signature";
    private const string SymmetricVersion = "v1";
    private const string AsymmetricVersion = "v1a";
    private const string SecretPrefix = "whsec_";
    private const string PublicKeyPrefix = "whpk_";

    /// <summary>The spec caps secrets at 64 bytes (and an Ed25519 public key is 32); this leaves room for senders that
    /// exceed it, and anything longer is not a Standard Webhooks key.</summary>
    private const int MaxKeyBytes = 512;

    private const int MaxSignatureBytes = 128;

    /// <summary>Imported public keys by their configured text: importing costs more than verifying, and an NSec public
    /// key is immutable, so each is imported once and shared.</summary>
    private readonly ConcurrentDictionary<string, Ed25519PublicKey?> _imported = new(StringComparer.Ordinal);

    public string Provider => StandardWebhooksProvider.Id;

    public VerificationResult Verify(WebhookRequest request, ConnectionOptions connection, DateTimeOffset now)
    {
        var svix = request.Header(IdHeader) is null && request.Header(TimestampHeader) is null && request.Header(SignatureHeader) is null;
        var (idHeader, timestampHeader, signatureHeader) = svix
            ? (SvixIdHeader, SvixTimestampHeader, SvixSignatureHeader)
            : (IdHeader, TimestampHeader, SignatureHeader);
        var id = request.Header(idHeader);
        var timestampText = request.Header(timestampHeader);
        var signatures = request.Header(signatureHeader);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestampText) || string.IsNullOrEmpty(signatures))
        {
            return VerificationResult.Invalid(WebhookProblem.MissingSignature(
                $"The {IdHeader}, {TimestampHeader} and {SignatureHeader} headers (or Svix's {SvixIdHeader}, "
                + $"{SvixTimestampHeader} and {SvixSignatureHeader}) are all required."));
        }
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return VerificationResult.Invalid(WebhookProblem.InvalidSignature($"{timestampHeader} is not a Unix time in seconds."));
        }
        var tolerance = (long)options.Value.TimestampTolerance.TotalSeconds;
        var skew = now.ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(skew) > tolerance)
        {
            return VerificationResult.Invalid(WebhookProblem.StaleTimestamp(
                $"{timestampHeader} is {Math.Abs(skew)} seconds {(skew > 0 ? "behind" : "ahead of")} the hub's clock; "
                + $"the tolerance is {tolerance} seconds."));
        }

        Span<byte> prefix = stackalloc byte[SignedParts.PrefixStackSize];
        var signed = new SignedParts(SignedParts.Utf8(prefix, id, ".", timestampText, "."), request.Body.Span);
        if (MatchesSecret(signatures, signed, connection.Secrets) || MatchesPublicKey(signatures, signed, connection.PublicKeys))
        {
            return VerificationResult.Valid(id);
        }
        return VerificationResult.Invalid(WebhookProblem.InvalidSignature(
            $"No {SymmetricVersion} or {AsymmetricVersion} signature in {signatureHeader} matches a configured secret or public key."));
    }

    /// <summary>Computes the <c>v1</c> signature bytes for a message.</summary>
    public static byte[] Sign(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The HMAC key of a <c>v1</c> secret: base64 after an optional <c>whsec_</c> prefix.</summary>
    private static readonly HashContexts.KeyDecoder SecretKeyBytes = static (string secret, Span<byte> key, out int length) =>
        TryDecodeKey(secret, SecretPrefix, key, out length);

    /// <summary>The key bytes of a secret: base64 after an optional <c>whsec_</c> prefix; null if it is not base64.</summary>
    public static byte[]? SecretKey(string secret)
    {
        Span<byte> key = stackalloc byte[MaxKeyBytes];
        return TryDecodeKey(secret, SecretPrefix, key, out var written) ? key[..written].ToArray() : null;
    }

    private static bool MatchesSecret(string signatures, SignedParts content, List<string> secrets)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        foreach (var secret in secrets)
        {
            if (HashContexts.Hmac(HashAlgorithmName.SHA256, secret, SecretKeyBytes) is not { } hmac)
            {
                continue;
            }
            HashContexts.Finish(hmac, content, mac);
            foreach (var range in signatures.AsSpan().Split(' '))
            {
                if (TryEntry(signatures.AsSpan()[range], SymmetricVersion, out var offered) && SignatureText.Base64Equals(offered, mac))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private bool MatchesPublicKey(string signatures, SignedParts signed, List<string> publicKeys)
    {
        if (publicKeys.Count == 0)
        {
            return false;
        }
        // Ed25519 signs the message whole, so here the pieces are put together.
        using var content = SignedContent.Join(signed);
        var ed25519 = SignatureAlgorithm.Ed25519;
        Span<byte> signature = stackalloc byte[MaxSignatureBytes];
        foreach (var publicKey in publicKeys)
        {
            if (_imported.GetOrAdd(publicKey, static text => ImportOrNull(text)) is not { } key)
            {
                continue;
            }
            foreach (var range in signatures.AsSpan().Split(' '))
            {
                if (TryEntry(signatures.AsSpan()[range], AsymmetricVersion, out var offered)
                    && Convert.TryFromBase64Chars(offered, signature, out var signatureLength)
                    && signatureLength == ed25519.SignatureSize
                    && ed25519.Verify(key, content.Span, signature[..signatureLength]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>An Ed25519 public key from <c>whpk_</c> and the base64 of its 32 bytes; null when it is not one, so one
    /// bad entry does not stop a good one from verifying.</summary>
    private static Ed25519PublicKey? ImportOrNull(string publicKey)
    {
        var ed25519 = SignatureAlgorithm.Ed25519;
        Span<byte> raw = stackalloc byte[MaxKeyBytes];
        return TryDecodeKey(publicKey, PublicKeyPrefix, raw, out var keyLength)
            && keyLength == ed25519.PublicKeySize
            && Ed25519PublicKey.TryImport(ed25519, raw[..keyLength], KeyBlobFormat.RawPublicKey, out var key)
            ? key
            : null;
    }

    /// <summary>The base64 part of a <c>version,signature</c> entry, when the entry is of <paramref name="version"/>.</summary>
    private static bool TryEntry(ReadOnlySpan<char> entry, string version, out ReadOnlySpan<char> signature)
    {
        var comma = entry.IndexOf(',');
        signature = comma < 0 ? default : entry[(comma + 1)..];
        return comma > 0 && entry[..comma].SequenceEqual(version);
    }

    /// <summary>Decodes base64 after an optional type prefix (<c>whsec_</c>, <c>whpk_</c>); false if it is not base64.</summary>
    private static bool TryDecodeKey(string text, string prefix, Span<byte> destination, out int written)
    {
        var encoded = text.StartsWith(prefix, StringComparison.Ordinal) ? text.AsSpan(prefix.Length) : text;
        return Convert.TryFromBase64Chars(encoded, destination, out written) && written > 0;
    }
}
