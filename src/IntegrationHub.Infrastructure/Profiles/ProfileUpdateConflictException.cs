namespace IntegrationHub.Infrastructure.Profiles;

/// <summary>Other writers kept changing a profile between this writer's read and write, past the retry budget.
/// Retrying the whole operation later is safe: merging is idempotent.</summary>
public sealed class ProfileUpdateConflictException(string profileId, int attempts, Exception innerException)
    : InvalidOperationException($"Profile '{profileId}' changed under {attempts} consecutive update attempts; giving up.", innerException)
{
    public string ProfileId { get; } = profileId;
}
