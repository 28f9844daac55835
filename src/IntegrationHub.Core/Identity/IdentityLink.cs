using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>Why two identifiers are one person: <paramref name="Event"/> carried both, and <paramref name="Identifier"/>
/// joined the profile of the event's home identifier <paramref name="LinkedTo"/>.</summary>
public sealed record IdentityLink(IdentityKey Identifier, IdentityKey LinkedTo, EventRef Event);
