namespace IntegrationHub.Core.Identity;

/// <summary>The graph after a step, and what the step changed.</summary>
/// <param name="State">The new snapshot.</param>
/// <param name="Changes">What happened to which profiles: merges with the link that made them, splits, renames.</param>
/// <param name="Recompute">The profiles whose events or identifiers changed: recompute their fields from their events
/// (<see cref="IdentityProfile.Events"/>) and write them.</param>
/// <param name="Retired">Former profile ids that are no profile any more: delete their records (the ids still resolve,
/// see <see cref="IdentityGraph.ResolveId"/>).</param>
public sealed record IdentityGraphResult(
    IdentityGraphState State,
    IReadOnlyList<IdentityChange> Changes,
    IReadOnlyList<string> Recompute,
    IReadOnlyList<string> Retired);
