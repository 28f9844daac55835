using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;

namespace IntegrationHub.Core.Profiles;

/// <summary>Tells consumers about the profiles the identity graph rebuilt (a merge, a split, a rename, an operator's
/// correction): one <see cref="ProfileChanged"/> per rebuilt profile, with the fields whose winning value differs from
/// the stored profile's (every field for a profile that had none), the fields that lost every value and the ids
/// retired into it. The resolver publishes them before it commits the rebuild, so a crash in between sends them again
/// (under the same ids) rather than never; see docs/identity.md.</summary>
public sealed class RebuiltProfileChanges(IProfileStore profiles, IProfileChangePublisher publisher, TimeProvider time)
{
    public const string Merged = "merged";
    public const string Renamed = "renamed";
    public const string Split = "split";
    public const string Recomputed = "recomputed";

    /// <summary>The cause of an operator's correction made now, about <paramref name="evidence"/> when it names an event.</summary>
    public ProfileChangeCause OperatorCause(EventRef? evidence = null) =>
        new(evidence?.Connection, evidence?.EventId, null, time.GetUtcNow());

    /// <summary>Publishes what the rebuild of <paramref name="rebuilt"/> changes, comparing each with the profile stored
    /// now (or, for a renamed profile, the one stored under its former id).</summary>
    public async Task PublishAsync(
        IdentityGraphResult result, IReadOnlyList<UnifiedProfile> rebuilt, ProfileChangeCause cause, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rebuilt);
        foreach (var profile in rebuilt)
        {
            var renamedFrom = result.Changes
                .FirstOrDefault(c => c.Kind == IdentityChangeKind.Renamed && c.Others.Contains(profile.Id, StringComparer.Ordinal))?.ProfileId;
            var before = await profiles.GetAsync(profile.Id, cancellationToken)
                ?? (renamedFrom is null ? null : await profiles.GetAsync(renamedFrom, cancellationToken));
            if (For(result, profile, before, cause) is { } change)
            {
                await publisher.PublishAsync(change, cancellationToken);
            }
        }
    }

    /// <summary>The message for one rebuilt profile; null when neither a winning value nor an id changed.</summary>
    public static ProfileChanged? For(IdentityGraphResult result, UnifiedProfile after, UnifiedProfile? before, ProfileChangeCause cause)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (field, candidates) in after.Candidates.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Survivorship.Winner(candidates) is { } winner
                && !Equals(winner.Value, before is null ? null : WinnerOf(before, field)?.Value))
            {
                fields[field] = winner;
            }
        }
        List<string> removed = before is null
            ? []
            : [.. before.Candidates.Keys.Where(f => WinnerOf(before, f) is not null && WinnerOf(after, f) is null).Order(StringComparer.Ordinal)];
        List<string> retired = [.. result.Retired.Where(id => IdentityGraph.ResolveId(result.State, id) == after.Id)];
        return fields.Count == 0 && removed.Count == 0 && retired.Count == 0
            ? null
            : ProfileChanged.Rebuilt(after.Id, ReasonFor(result, after.Id), cause, fields, removed, retired);
    }

    private static FieldValue? WinnerOf(UnifiedProfile profile, string field) =>
        profile.Candidates.TryGetValue(field, out var candidates) ? Survivorship.Winner(candidates) : null;

    private static string ReasonFor(IdentityGraphResult result, string profileId)
    {
        var changes = result.Changes;
        return changes.Any(c => c.Kind == IdentityChangeKind.Merged && c.ProfileId == profileId) ? Merged
            : changes.Any(c => c.Kind == IdentityChangeKind.Renamed && c.Others.Contains(profileId, StringComparer.Ordinal)) ? Renamed
            : changes.Any(c => c.Kind == IdentityChangeKind.Split && (c.ProfileId == profileId || c.Others.Contains(profileId, StringComparer.Ordinal))) ? Split
            : Recomputed;
    }
}
