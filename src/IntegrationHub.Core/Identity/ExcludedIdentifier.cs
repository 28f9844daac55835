using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>An identifier an event carried that links nothing, and why (one of the reason constants).</summary>
public sealed record ExcludedIdentifier(IdentityKey Identifier, EventRef Event, string Reason)
{
    /// <summary>A placeholder value or a configured block (<see cref="IdentifierPolicy.IsBlocked"/>).</summary>
    public const string Blocked = "blocked";

    /// <summary>It would join more profiles than <see cref="IdentityOptions.MaxProfilesPerIdentifier"/>.</summary>
    public const string Shared = "shared";

    /// <summary>An operator marked it shared.</summary>
    public const string MarkedShared = "marked-shared";

    /// <summary>An operator removed it from this event's links.</summary>
    public const string Unlinked = "unlinked";

    /// <summary>Linking it would put more identifiers of its kind on one profile than the limit allows.</summary>
    public const string Limit = "limit";
}
