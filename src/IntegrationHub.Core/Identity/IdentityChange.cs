namespace IntegrationHub.Core.Identity;

/// <summary>One change the graph made: what the pipeline persists, recomputes and publishes.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="ProfileId">The profile it happened to (for <see cref="IdentityChangeKind.Merged"/>, the survivor).</param>
/// <param name="Others">The other profiles involved: merged in, split into, renamed to.</param>
/// <param name="LinkedBy">For a merge, the link that joined them.</param>
public sealed record IdentityChange(IdentityChangeKind Kind, string ProfileId, IReadOnlyList<string> Others, IdentityLink? LinkedBy = null)
{
    public bool Equals(IdentityChange? other) =>
        other is not null && Kind == other.Kind && ProfileId == other.ProfileId && Others.SequenceEqual(other.Others) && LinkedBy == other.LinkedBy;

    public override int GetHashCode() => HashCode.Combine(Kind, ProfileId, Others.Count, LinkedBy);
}
