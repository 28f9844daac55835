using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>An operator's correction: <paramref name="Identifier"/> stays on <paramref name="Event"/> as data but is no
/// longer evidence that links it to anything.</summary>
public sealed record UnlinkedIdentifier(EventRef Event, IdentityKey Identifier);
