using PhoneNumbers;

namespace IntegrationHub.Core.Identity;

/// <summary>Phone normalisation to E.164 with libphonenumber.</summary>
public static class PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Returns the number in E.164, or null when it is not a valid number.</summary>
    public static string? Normalise(string? value, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        try
        {
            var parsed = Util.Parse(value, defaultRegion.ToUpperInvariant());
            return Util.IsValidNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
