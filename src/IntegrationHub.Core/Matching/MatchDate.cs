namespace IntegrationHub.Core.Matching;

/// <summary>Dates of birth as eight digits <c>yyyymmdd</c>. Kept as text, not <see cref="DateOnly"/>, so that a
/// mistyped date ("19870231") still compares digit by digit.</summary>
public static class MatchDate
{
    /// <summary>Reads <c>yyyymmdd</c>, <c>yyyy-mm-dd</c> (any separator, optional time) and day-first
    /// <c>dd/mm/yyyy</c> (month-first when the first part cannot be a month day pair, e.g. 12/31/1980).</summary>
    public static string? Normalise(string value)
    {
        var text = value.Trim();
        var space = text.IndexOfAny([' ', 'T']);
        if (space > 0 && text.Length > 10)
        {
            text = text[..space];
        }
        var parts = text.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1)
        {
            var digits = parts[0];
            return digits.Length == 8 && digits.All(char.IsAsciiDigit) ? digits : null;
        }
        if (parts.Length != 3 || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        string year, month, day;
        if (parts[0].Length == 4)
        {
            (year, month, day) = (parts[0], parts[1], parts[2]);
        }
        else if (parts[2].Length == 4)
        {
            var monthFirst = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) <= 12
                && int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) > 12;
            (year, month, day) = monthFirst ? (parts[2], parts[0], parts[1]) : (parts[2], parts[1], parts[0]);
        }
        else
        {
            return null;
        }
        return month.Length > 2 || day.Length > 2 ? null : year + month.PadLeft(2, '0') + day.PadLeft(2, '0');
    }
}
