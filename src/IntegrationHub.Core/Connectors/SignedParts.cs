namespace IntegrationHub.Core.Connectors;

/// <summary>What a vendor signs, as the pieces it lies in: a short prefix (a timestamp, an id, a method and URL), the raw
/// body, and a short suffix (HubSpot's timestamp). The pieces are hashed one after another, so the body is never copied
/// to put them together.</summary>
/// <param name="Prefix">The bytes signed before the body; empty when there are none.</param>
/// <param name="Body">The raw body (or, for Twilio, the URL and sorted parameters it is signed as).</param>
/// <param name="Suffix">The bytes signed after the body; empty when there are none.</param>
public readonly ref struct SignedParts(ReadOnlySpan<byte> Prefix, ReadOnlySpan<byte> Body, ReadOnlySpan<byte> Suffix = default)
{
    public ReadOnlySpan<byte> Prefix { get; } = Prefix;

    public ReadOnlySpan<byte> Body { get; } = Body;

    public ReadOnlySpan<byte> Suffix { get; } = Suffix;

    /// <summary>The body alone, for vendors that sign nothing else.</summary>
    public static SignedParts BodyOnly(ReadOnlySpan<byte> body) => new([], body);

    /// <summary>Room on the stack for any prefix a vendor signs in practice (a Unix time, an id, a URL).</summary>
    public const int PrefixStackSize = 512;

    /// <summary>The UTF-8 of <paramref name="first"/> and the further parts in order, in <paramref name="stack"/> when it
    /// fits (a prefix built from an unusually long header goes on the heap).</summary>
    public static Span<byte> Utf8(
        Span<byte> stack,
        ReadOnlySpan<char> first,
        ReadOnlySpan<char> second = default,
        ReadOnlySpan<char> third = default,
        ReadOnlySpan<char> fourth = default)
    {
        var utf8 = System.Text.Encoding.UTF8;
        var length = utf8.GetByteCount(first) + utf8.GetByteCount(second) + utf8.GetByteCount(third) + utf8.GetByteCount(fourth);
        var destination = length <= stack.Length ? stack : new byte[length];
        var written = utf8.GetBytes(first, destination);
        written += utf8.GetBytes(second, destination[written..]);
        written += utf8.GetBytes(third, destination[written..]);
        written += utf8.GetBytes(fourth, destination[written..]);
        return destination[..written];
    }
}
