using PhoneNumbers;

namespace IntegrationHub.Core.Identity;

/// <summary>The placeholder values forms, imports and test data put where a real identifier belongs. Two people who
/// both typed <c>test@test.com</c> or <c>000-000-0000</c> are not one person, so these never link anyone.</summary>
public static class BlockedIdentifiers
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Values that say "no value", whatever the identifier kind (compared case-insensitively, and for record
    /// and device ids with and without their <c>connection:</c> prefix).</summary>
    public static IReadOnlySet<string> Placeholders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "null", "nil", "none", "unknown", "undefined", "n/a", "na", "-", "--", "0", "test", "anonymous", "[object object]",
        "true", "false", "nan", "not provided", "not available", "no email", "noemail", "tbd",
    };

    /// <summary>Addresses that are test data, not mailboxes.</summary>
    public static IReadOnlySet<string> Emails { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "test@test.com", "test@example.com", "example@example.com", "email@example.com", "user@example.com",
        "name@example.com", "email@email.com", "a@a.com", "abc@abc.com", "asdf@asdf.com", "noemail@noemail.com",
        "no@email.com", "none@none.com", "null@null.com", "unknown@unknown.com", "test@test.test",
    };

    /// <summary>Local parts of system senders, which are never a person, at any domain.</summary>
    public static IReadOnlySet<string> SystemLocalParts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply", "mailer-daemon", "postmaster",
    };

    public static bool IsPlaceholderEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.LastIndexOf('@');
        return Emails.Contains(email) || (at > 0 && (SystemLocalParts.Contains(email[..at]) || Placeholders.Contains(email[..at])));
    }

    /// <summary>True for an E.164 number whose national number is one digit repeated (<c>+10000000000</c>,
    /// <c>+441111111111</c>) or a counting run (<c>1234567890</c>).</summary>
    public static bool IsPlaceholderPhone(string e164)
    {
        ArgumentNullException.ThrowIfNull(e164);
        string national;
        try
        {
            national = Phones.GetNationalSignificantNumber(Phones.Parse(e164, "ZZ"));
        }
        catch (NumberParseException)
        {
            national = e164.TrimStart('+');
        }
        return national.Length == 0
            || national.All(c => c == national[0])
            || "01234567890".Contains(national, StringComparison.Ordinal)
            || "9876543210".Contains(national, StringComparison.Ordinal);
    }
}
