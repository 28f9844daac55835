using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Core.Identity;

/// <summary>How identifiers are read and when they may link people, and how each profile field picks its value:
/// configuration section <c>Hub:Identity</c>, validated on start (<see cref="IdentityOptionsValidator"/>).</summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Hub:Identity";

    /// <summary>Email domains whose mailboxes ignore dots in the local part (Gmail: <c>a.da@gmail.com</c> is
    /// <c>ada@gmail.com</c>). Empty by default: most providers treat dots as significant.</summary>
    public List<string> EmailIgnoreDotsDomains { get; init; } = [];

    /// <summary>Email domains whose mailboxes ignore a <c>+tag</c> suffix (<c>ada+news@gmail.com</c> is
    /// <c>ada@gmail.com</c>). Empty by default.</summary>
    public List<string> EmailIgnorePlusTagDomains { get; init; } = [];

    /// <summary>Whether the built-in placeholder values (<c>test@test.com</c>, <c>null</c>, <c>unknown</c>, <c>n/a</c>,
    /// all-zero phones, …; see <see cref="BlockedIdentifiers"/>) are blocked.</summary>
    public bool BlockDefaultPlaceholders { get; set; } = true;

    /// <summary>More values that must never link people, compared with the normalised value (case-insensitively).</summary>
    public List<string> BlockedValues { get; init; } = [];

    /// <summary>Regular expressions (.NET syntax, case-insensitive, anchored by you) over the normalised value; a match
    /// never links people, e.g. <c>^.*@mailinator\.com$</c>.</summary>
    public List<string> BlockedPatterns { get; init; } = [];

    /// <summary>At most this many emails on one profile: a link that would add more is refused (earliest evidence
    /// first).</summary>
    [Range(1, 1000)]
    public int MaxEmailsPerProfile { get; set; } = 5;

    /// <summary>At most this many phone numbers on one profile.</summary>
    [Range(1, 1000)]
    public int MaxPhonesPerProfile { get; set; } = 5;

    /// <summary>At most this many record ids from any one connection on one profile (a CRM's duplicate contacts for
    /// one person are expected; dozens are not).</summary>
    [Range(1, 1000)]
    public int MaxExternalIdsPerConnection { get; set; } = 5;

    /// <summary>At most this many anonymous (device, cookie) ids on one profile.</summary>
    [Range(1, 100_000)]
    public int MaxAnonymousIdsPerProfile { get; set; } = 100;

    /// <summary>An identifier that would otherwise join more than this many profiles (each holding an email or a
    /// phone of its own) is shared — a family phone, a team inbox — and ignored for linking.</summary>
    [Range(1, 1000)]
    public int MaxProfilesPerIdentifier { get; set; } = 3;

    /// <summary>An identifier carried by more events than this is treated as shared (it links nothing) without its
    /// events being loaded: the bound on what one event makes the pipeline read. Counted in the identity view.</summary>
    [Range(10, 1_000_000)]
    public int MaxEventsPerIdentifier { get; set; } = 2000;

    /// <summary>Per profile field (<c>firstName</c>, <c>company</c>, …), how its value is chosen; fields not named here
    /// take the most recent value. Consent fields always take the most recent explicit statement.</summary>
    public Dictionary<string, FieldRuleOptions> Fields { get; init; } = new(StringComparer.Ordinal);
}
