using System.Buffers;

namespace IntegrationHub.Core.Connectors.Twilio;

/// <summary>Writes an <c>application/x-www-form-urlencoded</c> body the way Twilio appends it to the signed URL:
/// every parameter decoded, sorted by name and then by value (byte order of UTF-8, which is code-point order), each
/// written as its name immediately followed by its value, with no separators. Works in pooled buffers.</summary>
internal static class TwilioFormParameters
{
    private const int InsertionSortLimit = 64;

    /// <summary>Writes the signed form of <paramref name="form"/> into <paramref name="destination"/> (at least as long
    /// as <paramref name="form"/>, since decoding never lengthens it) and returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> form, Span<byte> destination)
    {
        if (form.IsEmpty)
        {
            return 0;
        }
        var decoded = ArrayPool<byte>.Shared.Rent(form.Length);
        var pairs = ArrayPool<Parameter>.Shared.Rent(form.Count((byte)'&') + 1);
        try
        {
            var count = 0;
            var end = 0;
            foreach (var range in form.Split((byte)'&'))
            {
                var pair = form[range];
                if (pair.IsEmpty)
                {
                    continue;
                }
                var equals = pair.IndexOf((byte)'=');
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? [] : pair[(equals + 1)..];
                var nameStart = end;
                end += Decode(name, decoded.AsSpan(end));
                var valueStart = end;
                end += Decode(value, decoded.AsSpan(end));
                pairs[count++] = new Parameter(nameStart, valueStart - nameStart, valueStart, end - valueStart);
            }

            var sorted = pairs.AsSpan(0, count);
            Sort(sorted, new NameThenValue(decoded));
            var written = 0;
            foreach (var parameter in sorted)
            {
                decoded.AsSpan(parameter.NameStart, parameter.NameLength).CopyTo(destination[written..]);
                written += parameter.NameLength;
                decoded.AsSpan(parameter.ValueStart, parameter.ValueLength).CopyTo(destination[written..]);
                written += parameter.ValueLength;
            }
            return written;
        }
        finally
        {
            ArrayPool<Parameter>.Shared.Return(pairs);
            ArrayPool<byte>.Shared.Return(decoded);
        }
    }

    /// <summary>Callbacks carry a few dozen parameters: an insertion sort orders them without the delegate and boxing
    /// that <see cref="MemoryExtensions.Sort{T, TComparer}(Span{T}, TComparer)"/> allocates, and a long form (which
    /// would make it quadratic) falls back to that sort.</summary>
    private static void Sort(Span<Parameter> parameters, NameThenValue order)
    {
        if (parameters.Length > InsertionSortLimit)
        {
            parameters.Sort(order);
            return;
        }
        for (var next = 1; next < parameters.Length; next++)
        {
            var parameter = parameters[next];
            var slot = next;
            for (; slot > 0 && order.Compare(parameters[slot - 1], parameter) > 0; slot--)
            {
                parameters[slot] = parameters[slot - 1];
            }
            parameters[slot] = parameter;
        }
    }

    /// <summary>Form decoding: <c>+</c> is a space and <c>%XX</c> a byte; a malformed escape stays as written. Runs of
    /// plain bytes are copied whole.</summary>
    private static int Decode(ReadOnlySpan<byte> encoded, Span<byte> destination)
    {
        var written = 0;
        while (!encoded.IsEmpty)
        {
            // Up to the next escape, only '+' (a space) needs changing: copy the run and replace in one vectorised pass,
            // since text is full of spaces and a byte-at-a-time walk over them costs more than the HMAC.
            var percent = encoded.IndexOf((byte)'%');
            var plain = percent < 0 ? encoded : encoded[..percent];
            var copied = destination.Slice(written, plain.Length);
            plain.CopyTo(copied);
            copied.Replace((byte)'+', (byte)' ');
            written += plain.Length;
            if (percent < 0)
            {
                break;
            }
            if (percent + 2 < encoded.Length
                && HexDigit(encoded[percent + 1]) is >= 0 and var high && HexDigit(encoded[percent + 2]) is >= 0 and var low)
            {
                destination[written++] = (byte)((high << 4) | low);
                encoded = encoded[(percent + 3)..];
            }
            else
            {
                destination[written++] = (byte)'%';
                encoded = encoded[(percent + 1)..];
            }
        }
        return written;
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        _ => -1,
    };

    internal readonly record struct Parameter(int NameStart, int NameLength, int ValueStart, int ValueLength);

    private readonly struct NameThenValue(byte[] decoded) : IComparer<Parameter>
    {
        public int Compare(Parameter x, Parameter y)
        {
            var byName = decoded.AsSpan(x.NameStart, x.NameLength).SequenceCompareTo(decoded.AsSpan(y.NameStart, y.NameLength));
            return byName != 0
                ? byName
                : decoded.AsSpan(x.ValueStart, x.ValueLength).SequenceCompareTo(decoded.AsSpan(y.ValueStart, y.ValueLength));
        }
    }
}
