using System.Buffers;
using System.Text;

namespace IntegrationHub.Core.Connectors;

/// <summary>What a vendor signs when it signs more than the body, in one piece: a short text prefix (a timestamp, an id,
/// a version) and then the raw body, for signatures that take the message whole (ECDSA, Ed25519; HMACs hash the
/// <see cref="SignedParts"/> where they lie instead). Assembled once in a pooled buffer, so every key is tried on it
/// without copying again, and wiped and returned when disposed: building it allocates nothing.</summary>
public ref struct SignedContent : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    private SignedContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The bytes to sign: the prefix parts' UTF-8 in order, then the body (empty once disposed).</summary>
    public readonly ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Assembles <paramref name="first"/>, the optional further prefix parts (UTF-8) and <paramref name="body"/>.</summary>
    public static SignedContent Create(
        ReadOnlySpan<byte> body,
        ReadOnlySpan<char> first,
        ReadOnlySpan<char> second = default,
        ReadOnlySpan<char> third = default,
        ReadOnlySpan<char> fourth = default)
    {
        var utf8 = Encoding.UTF8;
        var prefixLength = utf8.GetByteCount(first) + utf8.GetByteCount(second) + utf8.GetByteCount(third) + utf8.GetByteCount(fourth);
        var buffer = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        var written = utf8.GetBytes(first, buffer);
        written += utf8.GetBytes(second, buffer.AsSpan(written));
        written += utf8.GetBytes(third, buffer.AsSpan(written));
        written += utf8.GetBytes(fourth, buffer.AsSpan(written));
        body.CopyTo(buffer.AsSpan(written));
        return new SignedContent(buffer, written + body.Length);
    }

    /// <summary>Joins the pieces, for a signature that takes the message whole (Ed25519).</summary>
    public static SignedContent Join(SignedParts parts)
    {
        var length = parts.Prefix.Length + parts.Body.Length + parts.Suffix.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        parts.Prefix.CopyTo(buffer);
        parts.Body.CopyTo(buffer.AsSpan(parts.Prefix.Length));
        parts.Suffix.CopyTo(buffer.AsSpan(parts.Prefix.Length + parts.Body.Length));
        return new SignedContent(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            buffer.AsSpan(0, _length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = null;
            _length = 0;
        }
    }
}
