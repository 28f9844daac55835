using IntegrationHub.Core.Identity;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>What an operator's correction changed: merges, splits and renames, the profiles recomputed and the ids
/// retired (which still resolve).</summary>
public sealed record IdentityChanges(IReadOnlyList<IdentityChangeView> Changes, IReadOnlyList<string> Recomputed, IReadOnlyList<string> Retired)
{
    public static IdentityChanges From(IdentityGraphResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(
            [.. result.Changes.Select(c => new IdentityChangeView(c.Kind.ToString(), c.ProfileId, c.Others))],
            result.Recompute,
            result.Retired);
    }
}
