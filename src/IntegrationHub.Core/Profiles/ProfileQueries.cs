using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Profiles;

/// <summary>The portal's reads: a profile by id or email, and its timeline.</summary>
public sealed class ProfileQueries(IIdentityIndex identities, IProfileStore profiles, ITimelineStore timeline)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<ProfileView?> GetAsync(string profileId, CancellationToken cancellationToken = default) =>
        await profiles.GetAsync(profileId, cancellationToken) is { } profile ? ProfileView.From(profile) : null;

    public async Task<ProfileView?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (EmailAddress.Normalise(email) is not { } normalised)
        {
            return null;
        }
        var profileId = await identities.FindAsync(IdentityKey.ForEmail(normalised), cancellationToken);
        return profileId is null ? null : await GetAsync(profileId, cancellationToken);
    }

    public Task<TimelinePage> TimelineAsync(
        string profileId, int? pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        timeline.ListAsync(profileId, Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), continuation, cancellationToken);
}
