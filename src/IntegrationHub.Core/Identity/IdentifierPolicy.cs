using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>Reads an event's identifiers the way <see cref="IdentityOptions"/> says, and says which may link people
/// and how many of each kind one profile may hold. Pure: the same options give the same answers on every worker.</summary>
public sealed class IdentifierPolicy
{
    private readonly IdentityOptions _options;
    private readonly string _phoneRegion;
    private readonly HashSet<string> _ignoreDots;
    private readonly HashSet<string> _ignorePlusTags;
    private readonly HashSet<string> _blocked;
    private readonly Regex[] _patterns;

    public IdentifierPolicy(IdentityOptions options, string defaultPhoneRegion = "US")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultPhoneRegion);
        _options = options;
        _phoneRegion = defaultPhoneRegion;
        _ignoreDots = new(options.EmailIgnoreDotsDomains.Select(Domain), StringComparer.Ordinal);
        _ignorePlusTags = new(options.EmailIgnorePlusTagDomains.Select(Domain), StringComparer.Ordinal);
        _blocked = new(options.BlockedValues.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
        // Non-backtracking: matching time is linear in the input, so no timeout is needed and no answer depends on how
        // busy the machine is.
        _patterns = [.. options.BlockedPatterns.Select(p =>
            new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking))];
    }

    /// <summary>The default options: no provider-specific email rules, the built-in placeholders blocked.</summary>
    public static IdentifierPolicy Default { get; } = new(new IdentityOptions());

    /// <summary>An identifier shared by more than this many profiles links none of them.</summary>
    public int MaxProfilesPerIdentifier => _options.MaxProfilesPerIdentifier;

    /// <summary>An identifier carried by more events than this is treated as shared without loading its events.</summary>
    public int MaxEventsPerIdentifier => _options.MaxEventsPerIdentifier;

    /// <summary>The address normalised (<see cref="EmailAddress.Normalise"/>) and then, for the configured domains,
    /// without dots and <c>+tag</c> in its local part; null when it is not a plausible address.</summary>
    public string? Email(string? value)
    {
        if (EmailAddress.Normalise(value) is not { } email)
        {
            return null;
        }
        var at = email.LastIndexOf('@');
        var (local, domain) = (email[..at], email[(at + 1)..]);
        if (_ignorePlusTags.Contains(domain) && local.IndexOf('+', StringComparison.Ordinal) is > 0 and var plus)
        {
            local = local[..plus];
        }
        if (_ignoreDots.Contains(domain))
        {
            local = local.Replace(".", "", StringComparison.Ordinal);
        }
        return local.Length == 0 ? null : $"{local}@{domain}";
    }

    /// <summary>The number in E.164, read with the default region when it has no country code.</summary>
    public string? Phone(string? value) => PhoneNumber.Normalise(value, _phoneRegion);

    /// <summary>Every identifier the traits carry, normalised, blocked ones included (the graph keeps them, so that a
    /// changed block list applies when a profile is recomputed).</summary>
    public IReadOnlyList<IdentityKey> Identifiers(string connection, PersonTraits traits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentNullException.ThrowIfNull(traits);
        var keys = new List<IdentityKey>(4);
        if (Email(traits.Email) is { } email)
        {
            keys.Add(IdentityKey.ForEmail(email));
        }
        if (Phone(traits.Phone) is { } phone)
        {
            keys.Add(IdentityKey.ForPhone(phone));
        }
        if (!string.IsNullOrWhiteSpace(traits.SourceRecordId))
        {
            keys.Add(IdentityKey.ForExternalId(connection, traits.SourceRecordId.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(traits.AnonymousId))
        {
            keys.Add(IdentityKey.ForAnonymousId(connection, traits.AnonymousId.Trim()));
        }
        return keys;
    }

    /// <summary>The event as the identity graph keeps it: its reference, source time and identifiers.</summary>
    public IdentityEvent EventFor(string connection, string eventId, PersonTraits traits) =>
        IdentityEvent.Create(new EventRef(connection, eventId), traits.EventTime, Identifiers(connection, traits));

    /// <summary>True when the identifier must never link people: a built-in placeholder, a configured value, or a
    /// configured pattern's match.</summary>
    public bool IsBlocked(IdentityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var value = key.Value;
        var bare = key.Connection is { } connection ? value[(connection.Length + 1)..] : value;
        if (bare.Trim().Length == 0)
        {
            return true;
        }
        if (_options.BlockDefaultPlaceholders)
        {
            var placeholder = BlockedIdentifiers.Placeholders.Contains(bare.Trim()) || key.Kind switch
            {
                IdentityKey.EmailKind => BlockedIdentifiers.IsPlaceholderEmail(value),
                IdentityKey.PhoneKind => BlockedIdentifiers.IsPlaceholderPhone(value),
                _ => false,
            };
            if (placeholder)
            {
                return true;
            }
        }
        return _blocked.Contains(value) || _blocked.Contains(bare) || _patterns.Any(p => p.IsMatch(value));
    }

    /// <summary>The limit bucket of an identifier: its kind, and for record ids also its connection.</summary>
    public static string Bucket(IdentityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Kind == IdentityKey.ExternalKind ? $"{key.Kind}:{key.Connection}" : key.Kind;
    }

    /// <summary>How many identifiers of <paramref name="bucket"/> one profile may hold.</summary>
    public int LimitFor(string bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return bucket switch
        {
            IdentityKey.EmailKind => _options.MaxEmailsPerProfile,
            IdentityKey.PhoneKind => _options.MaxPhonesPerProfile,
            IdentityKey.AnonymousKind => _options.MaxAnonymousIdsPerProfile,
            _ when bucket.StartsWith(IdentityKey.ExternalKind + ":", StringComparison.Ordinal) => _options.MaxExternalIdsPerConnection,
            _ => int.MaxValue,
        };
    }

    private static string Domain(string domain) => domain.Trim().TrimStart('@').ToLower(CultureInfo.InvariantCulture);
}
