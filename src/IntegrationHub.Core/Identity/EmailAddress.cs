using System.Globalization;
using System.Text;

namespace IntegrationHub.Core.Identity;

/// <summary>Email normalisation for identity: trimmed, Unicode-normalised (NFC) and case-folded.</summary>
public static class EmailAddress
{
    /// <summary>Returns the normalised address, or null when the value is not a plausible address.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var email = value.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0
            && at == email.LastIndexOf('@')
            && at < email.Length - 1
            && email.IndexOf('.', at) > at + 1
            && !email.Any(char.IsWhiteSpace);
        return valid ? email : null;
    }
}
