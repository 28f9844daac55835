using IntegrationHub.Core.Identity;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>The outcome of linking a pair: the profile that holds both now (null when one of them no longer exists)
/// and what the identity graph changed.</summary>
public sealed record MatchLinkResult(string? ProfileId, IReadOnlyList<IdentityChange> Changes);
