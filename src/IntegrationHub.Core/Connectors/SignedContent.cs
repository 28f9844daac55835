using System.Buffers;
using System.Text;

namespace IntegrationHub.Core.Connectors;

/// <summary>What a vendor signs when it signs more than the body: a short text prefix (a timestamp, an id, a version) and
/// then the raw body. Assembled once in a pooled buffer, so every secret or key is tried on it without copying again,
/// and wiped and returned when disposed: building it allocates nothing.</summary>
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
