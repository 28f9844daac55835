using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>The derived rows one application of the graph writes.</summary>
/// <param name="Profiles">The profiles whose identity changed (the result's <c>Recompute</c>).</param>
/// <param name="Rebuilt">Unified profiles recomputed from their events, written together with their identity.</param>
/// <param name="Retired">Ids that are no profile any more, with the identifier each was named after.</param>
/// <param name="ProfileOf">Each linked identifier's profile; identifiers the snapshot read and this map lacks link
/// no one.</param>
public sealed record IdentityCommit(
    IReadOnlyList<IdentityProfile> Profiles,
    IReadOnlyList<UnifiedProfile> Rebuilt,
    IReadOnlyList<RetiredProfile> Retired,
    IReadOnlyDictionary<IdentityKey, string> ProfileOf);
