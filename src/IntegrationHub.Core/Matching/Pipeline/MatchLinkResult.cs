using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>The outcome of linking a pair: the profile that holds both now (null when one of them no longer exists)
/// and what the identity graph changed.</summary>
/// <param name="Linked">The identifier whose unlink from the link's event undoes it; null when this call recorded no
/// link (a side is gone, or both were one profile already).</param>
public sealed record MatchLinkResult(string? ProfileId, IReadOnlyList<IdentityChange> Changes, IdentityKey? Linked = null);
