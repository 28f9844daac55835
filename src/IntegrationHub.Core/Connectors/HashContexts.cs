using System.Security.Cryptography;

namespace IntegrationHub.Core.Connectors;

/// <summary>Hash and HMAC contexts reused from one delivery to the next, kept per thread (an <see cref="IncrementalHash"/>
/// is not thread-safe). Setting a context up costs OpenSSL more than hashing a kilobyte with it, and a one-shot
/// <c>HashData</c> pays that on every call; a reused context is reset as it returns each hash, so verifying allocates
/// nothing once a thread has met a secret, and signed pieces (a timestamp, then the body) are hashed where they lie
/// instead of being copied together first. A keyed context holds its key in native memory for as long as it is kept:
/// at most <see cref="Capacity"/> per thread, the oldest freed (and its key wiped by OpenSSL) when another is needed.</summary>
internal static class HashContexts
{
    /// <summary>Keyed contexts kept per thread: a few connections' secrets, each with one rotated in.</summary>
    public const int Capacity = 16;

    /// <summary>Key bytes of the largest key any vendor uses, decoded onto the stack.</summary>
    private const int MaxKeyBytes = 512;

    [ThreadStatic]
    private static Keyed?[]? t_keyed;

    [ThreadStatic]
    private static int t_nextEvicted;

    [ThreadStatic]
    private static IncrementalHash? t_sha256;

    /// <summary>Writes a secret's key bytes into <paramref name="key"/>; false when the secret is not a key of its kind.</summary>
    public delegate bool KeyDecoder(string secret, Span<byte> key, out int length);

    /// <summary>The key most vendors use: the secret's UTF-8 text.</summary>
    public static readonly KeyDecoder Utf8Text = static (string secret, Span<byte> key, out int length) =>
        System.Text.Encoding.UTF8.TryGetBytes(secret, key, out length);

    /// <summary>This thread's SHA-256 context, reset and ready.</summary>
    public static IncrementalHash Sha256() => t_sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>This thread's HMAC context keyed by <paramref name="secret"/> as <paramref name="decode"/> reads it, reset
    /// and ready; null when the secret is not a key of that kind.</summary>
    public static IncrementalHash? Hmac(HashAlgorithmName algorithm, string secret, KeyDecoder decode)
    {
        var keyed = t_keyed ??= new Keyed?[Capacity];
        foreach (var context in keyed)
        {
            // Configured secrets compared with each other (never with request input): no timing to hide.
            if (context is not null && context.Decode == decode && context.Algorithm == algorithm
                && string.Equals(context.Secret, secret, StringComparison.Ordinal))
            {
                return context.Hash;
            }
        }
        if (Create(algorithm, secret, decode) is not { } hash)
        {
            return null;
        }
        var slot = t_nextEvicted;
        t_nextEvicted = (slot + 1) % Capacity;
        keyed[slot]?.Hash.Dispose();
        keyed[slot] = new Keyed(algorithm, secret, decode, hash);
        return hash;
    }

    /// <summary>Hashes the pieces, in order, into <paramref name="hash"/> with a reused context, which is then reset for the
    /// next delivery; returns the hash's length.</summary>
    public static int Finish(IncrementalHash context, SignedParts content, Span<byte> hash)
    {
        try
        {
            Append(context, content.Prefix);
            Append(context, content.Body);
            Append(context, content.Suffix);
            return context.GetHashAndReset(hash);
        }
        catch
        {
            // A context left part-way through a hash would hash the next delivery wrongly: start afresh.
            Reset();
            throw;
        }
    }

    /// <summary>Forgets this thread's contexts, for a hash that could not be finished (its state is unknown).</summary>
    private static void Reset()
    {
        if (t_keyed is { } keyed)
        {
            foreach (var context in keyed)
            {
                context?.Hash.Dispose();
            }
            t_keyed = null;
        }
        t_sha256?.Dispose();
        t_sha256 = null;
    }

    /// <summary>Each piece is a native call; an absent one costs none.</summary>
    private static void Append(IncrementalHash context, ReadOnlySpan<byte> piece)
    {
        if (!piece.IsEmpty)
        {
            context.AppendData(piece);
        }
    }

    private static IncrementalHash? Create(HashAlgorithmName algorithm, string secret, KeyDecoder decode)
    {
        // A secret too long for the stack is keyed from the heap: no vendor's is, and it happens once per thread.
        var length = secret.Length * 3 <= MaxKeyBytes ? MaxKeyBytes : secret.Length * 3;
        Span<byte> key = length == MaxKeyBytes ? stackalloc byte[MaxKeyBytes] : new byte[length];
        try
        {
            return decode(secret, key, out var written) ? IncrementalHash.CreateHMAC(algorithm, key[..written]) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private sealed record Keyed(HashAlgorithmName Algorithm, string Secret, KeyDecoder Decode, IncrementalHash Hash);
}
