using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Core.Identity;

/// <summary>Runs the identity graph against its store: facts first, then load the connected snapshot, apply, rebuild
/// what merged or split, and write the derived rows only if nothing they were computed from changed meanwhile —
/// otherwise load again and re-apply (docs/identity.md, "Concurrency").</summary>
public sealed partial class IdentityResolver(
    IIdentityGraphStore store,
    IdentifierPolicy policy,
    SurvivorshipRules rules,
    ITimelineStore timeline,
    ILogger<IdentityResolver> logger,
    RebuiltProfileChanges changes)
{
    /// <summary>Loads and re-applies at most this many times before the step fails (and its message is retried).</summary>
    public const int MaxAttempts = 8;

    /// <summary>Records the event and returns the id of the profile it belongs to, or null when none of its
    /// identifiers may link anyone (all blocked or shared).</summary>
    public async Task<string?> ResolveAsync(
        string connection, PersonTraits person, Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(interaction);
        var identityEvent = policy.EventFor(connection, interaction.EventId, person);
        if (identityEvent.Identifiers.Count == 0)
        {
            return null;
        }
        var result = await ApplyAsync(identityEvent, person, interaction, cancellationToken);
        return result.State.EventProfile.GetValueOrDefault(identityEvent.Ref);
    }

    /// <summary>Records an event whose identifiers are given rather than read from traits — a probabilistic match's
    /// link between two profiles' identifiers — and applies it exactly as a source's event.</summary>
    public async Task<IdentityGraphResult> ApplyAsync(
        IdentityEvent identityEvent, PersonTraits person, Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identityEvent);
        var stored = await store.RecordAsync(identityEvent, person, interaction, cancellationToken);
        return await ReconcileAsync(
            stored.Identifiers, state => SeedsOf(state, stored), stored.Ref, ProfileChangeCause.Of(interaction), cancellationToken);
    }

    /// <summary>Operator's unmerge of one piece of evidence: <paramref name="identifier"/> no longer links
    /// <paramref name="evidence"/>. Null when that event never carried that identifier.</summary>
    public async Task<IdentityGraphResult?> UnlinkAsync(
        EventRef evidence, IdentityKey identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(identifier);
        if (!await store.SetUnlinkedAsync(evidence, identifier, unlinked: true, cancellationToken))
        {
            return null;
        }
        return await ReconcileAsync([identifier], _ => [evidence], null, changes.OperatorCause(evidence), cancellationToken);
    }

    /// <summary>Operator's unmerge everywhere: <paramref name="identifier"/> links no one.</summary>
    public async Task<IdentityGraphResult> MarkSharedAsync(IdentityKey identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await store.SetMarkedSharedAsync(identifier, marked: true, cancellationToken);
        return await ReconcileEverywhereAsync(identifier, cancellationToken);
    }

    /// <summary>Undoes <see cref="UnlinkAsync"/>: <paramref name="identifier"/> links <paramref name="evidence"/> again.
    /// Null when it is not unlinked on that event.</summary>
    public async Task<IdentityGraphResult?> RelinkAsync(
        EventRef evidence, IdentityKey identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(identifier);
        var current = await store.LoadAsync([identifier], policy, cancellationToken);
        if (!current.State.Unlinked.Contains(new UnlinkedIdentifier(evidence, identifier)))
        {
            return null;
        }
        await store.SetUnlinkedAsync(evidence, identifier, unlinked: false, cancellationToken);
        return await ReconcileAsync([identifier], _ => [evidence], null, changes.OperatorCause(evidence), cancellationToken);
    }

    /// <summary>Undoes <see cref="MarkSharedAsync"/>: <paramref name="identifier"/> links again whoever carries it.
    /// Null when it is not marked shared.</summary>
    public async Task<IdentityGraphResult?> UnmarkSharedAsync(IdentityKey identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var current = await store.LoadAsync([identifier], policy, cancellationToken);
        if (!current.State.MarkedShared.Contains(identifier) && !current.State.Overloaded.Contains(identifier))
        {
            // Neither an operator's mark nor the graph's own finding (a store keeps that as overloaded): nothing to undo.
            return null;
        }
        await store.SetMarkedSharedAsync(identifier, marked: false, cancellationToken);
        return await ReconcileEverywhereAsync(identifier, cancellationToken);
    }

    /// <summary>Re-resolves every event that carries <paramref name="identifier"/>.</summary>
    private Task<IdentityGraphResult> ReconcileEverywhereAsync(IdentityKey identifier, CancellationToken cancellationToken) =>
        ReconcileAsync(
            [identifier], state => state.EventsOf.GetValueOrDefault(identifier, []), null, changes.OperatorCause(), cancellationToken);

    /// <summary>The event, and the events of any profile still held together by one of its identifiers that has since
    /// become overloaded: such an identifier connects nothing any more, so that profile is recomputed (split) here.</summary>
    private static IEnumerable<EventRef> SeedsOf(IdentityGraphState state, IdentityEvent applied) =>
        applied.Identifiers
            .Where(state.Overloaded.Contains)
            .Select(key => state.ProfileOf.GetValueOrDefault(key))
            .OfType<string>()
            .SelectMany(id => state.Profiles[id].Events)
            .Prepend(applied.Ref);

    private async Task<IdentityGraphResult> ReconcileAsync(
        IReadOnlyList<IdentityKey> seedKeys,
        Func<IdentityGraphState, IEnumerable<EventRef>> seedEvents,
        EventRef? applied,
        ProfileChangeCause cause,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await store.LoadAsync(seedKeys, policy, cancellationToken);
            var result = IdentityGraph.Reconcile(snapshot.State, seedEvents(snapshot.State), policy);
            var commit = await CommitFor(snapshot.State, result, applied, cancellationToken);
            // Before the commit, so a crash between the two sends the same messages again rather than none: once the
            // rebuilt rows are written, nothing is left to compare with (docs/identity.md, "Profile changes").
            await changes.PublishAsync(result, commit.Rebuilt, cause, cancellationToken);
            try
            {
                await store.CommitAsync(snapshot, commit, cancellationToken);
            }
            catch (IdentityConflictException) when (attempt < MaxAttempts)
            {
                LogConflict(attempt);
                continue;
            }
            foreach (var retired in result.Retired)
            {
                // Reads resolve a retired id before reading its timeline, so clearing it is tidiness, not correctness.
                await timeline.ReplaceAsync(retired, [], cancellationToken);
            }
            return result;
        }
    }

    /// <summary>The rows to write. A profile whose events changed by more than the applied event (a merge, a split, a
    /// rename, an operator's correction) is rebuilt from its events' stored traits, and its timeline from their
    /// interactions, before its identity is written; the ordinary case (one new event on one profile) is left to the
    /// incremental merge that follows, which gives the same profile.</summary>
    private async Task<IdentityCommit> CommitFor(
        IdentityGraphState before, IdentityGraphResult result, EventRef? applied, CancellationToken cancellationToken)
    {
        var profiles = result.Recompute.Select(id => result.State.Profiles[id]).ToList();
        var rebuilt = new List<UnifiedProfile>();
        foreach (var profile in profiles.Where(p => NeedsRebuild(before.Profiles.GetValueOrDefault(p.Id), p, applied)))
        {
            var events = await store.ReadEventsAsync(profile.Events.Select(e => result.State.Events[e]), cancellationToken);
            rebuilt.Add(ProfileAssembler.Assemble(
                profile.Id, events.Select(e => new SourcedTraits(e.Ref.Connection, e.Ref.EventId, e.Traits)), rules));
            await timeline.ReplaceAsync(profile.Id, [.. events.Select(e => e.Interaction)], cancellationToken);
        }
        var retired = result.Retired
            .Select(id => new RetiredProfile(id, result.State.IdOrigins.GetValueOrDefault(id)))
            .ToList();
        return new IdentityCommit(profiles, rebuilt, retired, result.State.ProfileOf);
    }

    private static bool NeedsRebuild(IdentityProfile? before, IdentityProfile after, EventRef? applied)
    {
        IEnumerable<EventRef> expected = before?.Events ?? [];
        if (applied is not null)
        {
            expected = expected.Append(applied);
        }
        return !after.Events.ToHashSet().SetEquals(expected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity snapshot changed under attempt {Attempt}; loading it again")]
    private partial void LogConflict(int attempt);
}
