using System.Security.Cryptography;

namespace IntegrationHub.Core.Connectors;

/// <summary>HMACs keyed by a secret's UTF-8 text, as most vendors key them. The key is encoded onto the stack and wiped
/// after use, so a MAC costs nothing beyond the primitive.</summary>
public static class SecretHmac
{
    /// <summary>Writes the HMAC of <paramref name="content"/> keyed by <paramref name="secret"/>'s UTF-8 bytes into
    /// <paramref name="mac"/> and returns its length.</summary>
    public static int Compute(HashAlgorithmName algorithm, string secret, ReadOnlySpan<byte> content, Span<byte> mac)
    {
        Span<byte> stack = stackalloc byte[SecretBytes.StackSize];
        try
        {
            return CryptographicOperations.HmacData(algorithm, SecretBytes.Utf8(secret, stack), content, mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(stack);
        }
    }

    /// <summary>True when the HMAC of <paramref name="content"/> under any of <paramref name="secrets"/> is the
    /// <paramref name="signature"/> text, compared in constant time.</summary>
    public static bool AnyMatches(
        HashAlgorithmName algorithm,
        IReadOnlyList<string> secrets,
        ReadOnlySpan<byte> content,
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
