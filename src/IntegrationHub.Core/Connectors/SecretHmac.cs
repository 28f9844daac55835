using System.Security.Cryptography;

namespace IntegrationHub.Core.Connectors;

/// <summary>HMACs keyed by a secret's UTF-8 text, as most vendors key them. Each is computed with the thread's reused
/// context for that secret (<see cref="HashContexts"/>), over the signed pieces where they lie, so a MAC costs less than
/// a one-shot HMAC and allocates nothing.</summary>
public static class SecretHmac
{
    /// <summary>Writes the HMAC of <paramref name="content"/> keyed by <paramref name="secret"/>'s UTF-8 bytes into
    /// <paramref name="mac"/> and returns its length.</summary>
    public static int Compute(HashAlgorithmName algorithm, string secret, ReadOnlySpan<byte> content, Span<byte> mac) =>
        Compute(algorithm, secret, SignedParts.BodyOnly(content), mac);

    /// <summary>Writes the HMAC of the pieces, in order, keyed by <paramref name="secret"/>'s UTF-8 bytes into
    /// <paramref name="mac"/> and returns its length.</summary>
    public static int Compute(HashAlgorithmName algorithm, string secret, SignedParts content, Span<byte> mac) =>
        HashContexts.Finish(HashContexts.Hmac(algorithm, secret, HashContexts.Utf8Text)!, content, mac);

    /// <summary>True when the HMAC of <paramref name="content"/> under any of <paramref name="secrets"/> is the
    /// <paramref name="signature"/> text, compared in constant time.</summary>
    public static bool AnyMatches(
        HashAlgorithmName algorithm,
        IReadOnlyList<string> secrets,
        ReadOnlySpan<byte> content,
        ReadOnlySpan<char> signature,
        SignatureEncoding encoding) =>
        AnyMatches(algorithm, secrets, SignedParts.BodyOnly(content), signature, encoding);

    /// <summary>True when the HMAC of the pieces under any of <paramref name="secrets"/> is the
    /// <paramref name="signature"/> text, compared in constant time.</summary>
    public static bool AnyMatches(
        HashAlgorithmName algorithm,
        IReadOnlyList<string> secrets,
        SignedParts content,
        ReadOnlySpan<char> signature,
        SignatureEncoding encoding)
    {
        Span<byte> mac = stackalloc byte[HMACSHA512.HashSizeInBytes];
        for (var i = 0; i < secrets.Count; i++)
        {
            var length = Compute(algorithm, secrets[i], content, mac);
            if (SignatureText.Equals(signature, mac[..length], encoding))
            {
                return true;
            }
        }
        return false;
    }
}
