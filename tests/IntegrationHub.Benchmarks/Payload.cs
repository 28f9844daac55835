using System.Text;

namespace IntegrationHub.Benchmarks;

/// <summary>Vendor-shaped bodies of an exact size: the vendor's envelope around one long text field (a message, a note,
/// an answer), as a large real delivery would carry.</summary>
public static class Payload
{
    private const string Filler = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ";

    /// <summary>Where <see cref="Sized"/> puts the filler.</summary>
    public const string Fill = "{FILL}";

    /// <summary><paramref name="template"/> with <see cref="Fill"/> replaced by filler text, so that it is exactly
    /// <paramref name="bytes"/> bytes of UTF-8.</summary>
    public static string Sized(int bytes, string template)
    {
        var at = template.IndexOf(Fill, StringComparison.Ordinal);
        var (before, after) = (template[..at], template[(at + Fill.Length)..]);
        var room = bytes - Encoding.UTF8.GetByteCount(before) - Encoding.UTF8.GetByteCount(after);
        if (room < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytes), $"The envelope alone is longer than {bytes} bytes.");
        }
        var filler = new StringBuilder(room);
        while (filler.Length < room)
        {
            filler.Append(Filler, 0, Math.Min(Filler.Length, room - filler.Length));
        }
        return before + filler + after;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
}
