using System.Globalization;
using System.Text;
using IntegrationHub.Core.Identity;

namespace IntegrationHub.Core.Matching;

/// <summary>Normalises a raw value for its role so that formatting differences never count as disagreement: case,
/// accents, whitespace and punctuation go; emails and phones use the hub's identity normalisers; dates become
/// <c>yyyymmdd</c>. Placeholders such as "unknown" or "n/a" are missing values.</summary>
public static class FieldNormaliser
{
    private static readonly HashSet<string> Placeholders =
        ["null", "none", "unknown", "na", "nan", "nil", "notknown", "notprovided", "test", "xxx", "0"];

    /// <summary>Returns the normalised value, or null when the value is missing or a placeholder.</summary>
    public static string? Normalise(MatchRole role, string? value, string defaultPhoneRegion)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var normalised = role switch
        {
            MatchRole.FirstName or MatchRole.LastName => Letters(value),
            MatchRole.Email => EmailAddress.Normalise(value),
            MatchRole.Phone => Phone(value, defaultPhoneRegion),
            MatchRole.DateOfBirth => MatchDate.Normalise(value),
            MatchRole.StreetNumber or MatchRole.Postcode or MatchRole.State => Alphanumerics(value),
            _ => Words(value),
        };
        return normalised is null || normalised.Length == 0 || Placeholders.Contains(normalised.Replace(" ", "", StringComparison.Ordinal))
            ? null
            : normalised;
    }

    private static string? Phone(string value, string region)
    {
        var e164 = PhoneNumber.Normalise(value, region);
        if (e164 is not null)
        {
            return e164;
        }
        // An invalid number can still be the same invalid number on both sides: compare its digits.
        var digits = string.Concat(value.Where(char.IsAsciiDigit));
        return digits.Length >= 6 && digits.Distinct().Count() > 1 ? digits : null;
    }

    /// <summary>Letters only, lower case, accents removed: "O'Brien-Smith" → "obriensmith".</summary>
    private static string Letters(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in Fold(value))
        {
            if (char.IsLetter(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string Alphanumerics(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in Fold(value))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Words of letters and digits separated by single spaces.</summary>
    private static string Words(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in Fold(value))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(c);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    private static IEnumerable<char> Fold(string value)
    {
        var trimmed = value.Trim();
        var ascii = trimmed.All(char.IsAscii);
        var text = ascii ? trimmed : trimmed.Normalize(NormalizationForm.FormD);
        foreach (var c in text)
        {
            if (ascii || CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                yield return char.ToLowerInvariant(c);
            }
        }
    }
}
