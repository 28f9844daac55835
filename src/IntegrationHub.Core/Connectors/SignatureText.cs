using System.Security.Cryptography;

namespace IntegrationHub.Core.Connectors;

/// <summary>Compares a signature as the vendor wrote it (hex or base64 text) with the expected bytes, decoding onto the
/// stack and comparing in constant time, so verification allocates nothing beyond the primitive.</summary>
public static class SignatureText
{
    /// <summary>Largest signature any supported vendor sends (an ECDSA DER signature is at most 72 bytes).</summary>
    private const int MaxSignatureBytes = 128;

    /// <summary>True when <paramref name="text"/>, written in <paramref name="encoding"/>, encodes exactly
    /// <paramref name="expected"/>.</summary>
    public static bool Equals(ReadOnlySpan<char> text, ReadOnlySpan<byte> expected, SignatureEncoding encoding) =>
        encoding == SignatureEncoding.Hex ? HexEquals(text, expected) : Base64Equals(text, expected);

    /// <summary>True when <paramref name="hex"/> (either case) encodes exactly <paramref name="expected"/>.</summary>
    public static bool HexEquals(ReadOnlySpan<char> hex, ReadOnlySpan<byte> expected)
    {
        if (hex.Length != expected.Length * 2 || expected.Length > MaxSignatureBytes)
        {
            return false;
        }
        Span<byte> offered = stackalloc byte[expected.Length];
        return Convert.FromHexString(hex, offered, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(offered, expected);
    }

    /// <summary>True when <paramref name="base64"/> encodes exactly <paramref name="expected"/>.</summary>
    public static bool Base64Equals(ReadOnlySpan<char> base64, ReadOnlySpan<byte> expected)
    {
        if (expected.Length > MaxSignatureBytes)
        {
            return false;
        }
        Span<byte> offered = stackalloc byte[MaxSignatureBytes];
        return Convert.TryFromBase64Chars(base64, offered, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(offered[..written], expected);
    }
}
