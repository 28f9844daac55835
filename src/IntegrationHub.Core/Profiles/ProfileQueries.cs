using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Profiles;

/// <summary>The portal's reads: a profile by id or email, its timeline and its identity. An id that was merged into
/// another profile or renamed reads as the profile that holds it now.</summary>
public sealed class ProfileQueries(
    IIdentityIndex identities, IIdentityGraphStore graph, IProfileStore profiles, ITimelineStore timeline, SurvivorshipRules rules)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The profile <paramref name="profileId"/> names now (its own, or its survivor's), or null.</summary>
    public async Task<ProfileView?> GetAsync(string profileId, CancellationToken cancellationToken = default) =>
        await graph.ResolveIdAsync(profileId, cancellationToken) is { } current
        && await profiles.GetAsync(current, cancellationToken) is { } profile
            ? ProfileView.From(profile, rules)
            : null;

    public async Task<ProfileView?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (EmailAddress.Normalise(email) is not { } normalised)
        {
            return null;
        }
        var profileId = await identities.FindAsync(IdentityKey.ForEmail(normalised), cancellationToken);
        return profileId is null ? null : await GetAsync(profileId, cancellationToken);
    }

    /// <summary>Why the profile <paramref name="profileId"/> names now is one person, or null.</summary>
    public async Task<IdentityProfile?> IdentityAsync(string profileId, CancellationToken cancellationToken = default) =>
        await graph.ResolveIdAsync(profileId, cancellationToken) is { } current
            ? await graph.GetProfileAsync(current, cancellationToken)
            : null;

    public Task<TimelinePage> TimelineAsync(
        string profileId, int? pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        timeline.ListAsync(profileId, Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), continuation, cancellationToken);
}
