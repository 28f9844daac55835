using System.Text;

namespace IntegrationHub.Core.Connectors;

/// <summary>A secret's UTF-8 bytes (an HMAC key, a shared token), encoded onto the stack so that checking a delivery
/// allocates nothing for them.</summary>
public static class SecretBytes
{
    /// <summary>Room for any vendor's secret (they are 32 to 64 characters); a longer one is encoded on the heap.</summary>
    public const int StackSize = 256;

    /// <summary><paramref name="secret"/>'s UTF-8 bytes: in <paramref name="stack"/> when they fit, else on the heap.</summary>
    public static ReadOnlySpan<byte> Utf8(ReadOnlySpan<char> secret, Span<byte> stack)
    {
        if (Encoding.UTF8.TryGetBytes(secret, stack, out var written))
        {
            return stack[..written];
        }
        var bytes = new byte[Encoding.UTF8.GetByteCount(secret)];
        Encoding.UTF8.GetBytes(secret, bytes);
        return bytes;
    }
}
