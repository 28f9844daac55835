using System.Globalization;
using System.Text;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Reversible escaping of values used as table keys: Azure forbids <c>/ \ # ?</c> and control characters in
/// PartitionKey and RowKey, so those (and the escape character <c>%</c> itself) become <c>%XX</c>.</summary>
internal static class TableKeys
{
    /// <summary>Azure allows 1 KiB per key; at two bytes a character that is 512 characters.</summary>
    public const int MaxLength = 512;

    public static string Escape(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public static string Unescape(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary>Escapes <paramref name="value"/> and checks the key fits Azure's limit.</summary>
    public static string For(string value, string what)
    {
        var key = Escape(value);
        return key.Length <= MaxLength
            ? key
            : throw new ArgumentException($"The {what} is {key.Length} characters once escaped; a table key holds at most {MaxLength}.", nameof(value));
    }

    private static bool NeedsEscape(char c) => c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c);
}
