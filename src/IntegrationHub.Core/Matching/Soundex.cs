using System.Text;

namespace IntegrationHub.Core.Matching;

/// <summary>American Soundex (the census variant: H and W do not separate equal codes), for blocking keys.</summary>
public static class Soundex
{
    //                               abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    /// <summary>The four-character code of a lower-case word, or null when it has no ASCII letter.</summary>
    public static string? Encode(string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return null;
        }
        var builder = new StringBuilder(4);
        var previous = '\0';
        foreach (var c in word)
        {
            if (c is < 'a' or > 'z')
            {
                continue;
            }
            var code = Codes[c - 'a'];
            if (builder.Length == 0)
            {
                builder.Append(char.ToUpperInvariant(c));
                previous = code;
                continue;
            }
            if (code != '0' && code != previous)
            {
                builder.Append(code);
                if (builder.Length == 4)
                {
                    break;
                }
            }
            if (c is not ('h' or 'w'))
            {
                previous = code;
            }
        }
        return builder.Length == 0 ? null : builder.ToString().PadRight(4, '0');
    }
}
