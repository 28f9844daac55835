using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Core.Tests.Profiles;

namespace IntegrationHub.Core.Tests.Identity;

/// <summary>One source event as a test sends it: the connection, the event id and the person's traits.</summary>
public sealed record TestEvent(string Connection, string EventId, PersonTraits Traits)
{
    public EventRef Ref => new(Connection, EventId);
}

/// <summary>The identity graph with the events' traits beside it, as the pipeline will hold them (graph in the identity
/// store, traits in the archive): applies events and corrections and assembles the unified profiles.</summary>
public sealed class IdentityGraphHarness(IdentifierPolicy policy, SurvivorshipRules? rules = null)
{
    private readonly Dictionary<EventRef, TestEvent> _events = [];

    public IdentifierPolicy Policy { get; } = policy;

    public SurvivorshipRules Rules { get; } = rules ?? SurvivorshipRules.Default;

    public IdentityGraphState State { get; private set; } = IdentityGraphState.Empty;

    public IdentityGraphResult Apply(TestEvent e)
    {
        _events[e.Ref] = e;
        return Step(IdentityGraph.Apply(State, Policy.EventFor(e.Connection, e.EventId, e.Traits), Policy));
    }

    public IdentityGraphHarness ApplyAll(IEnumerable<TestEvent> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
        return this;
    }

    public IdentityGraphResult Step(IdentityGraphResult result)
    {
        State = result.State;
        return result;
    }

    public string? ProfileOf(TestEvent e) => State.EventProfile.GetValueOrDefault(e.Ref);

    public string? Find(IdentityKey key) => IdentityGraph.Find(State, key);

    public IdentityProfile Profile(string id) => State.Profiles[id];

    /// <summary>The unified profiles, each recomputed from its events' traits.</summary>
    public IReadOnlyList<UnifiedProfile> UnifiedProfiles() =>
        [.. State.Profiles.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => ProfileAssembler.Assemble(
            p.Id, p.Events.Select(r => _events[r]).Select(e => new SourcedTraits(e.Connection, e.EventId, e.Traits)), Rules))];

    /// <summary>Profiles as canonical JSON: ids, identifiers and every field's candidates.</summary>
    public string UnifiedJson() => string.Join("\n", UnifiedProfiles().Select(CanonicalProfileJson.Serialise));

    /// <summary>The whole resolved graph as canonical JSON: profiles with their events, links and exclusions, and the
    /// identifier index.</summary>
    public string GraphJson() => JsonSerializer.Serialize(new
    {
        Profiles = State.Profiles.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new
        {
            p.Id,
            Identifiers = p.Identifiers.Select(k => k.ToString()),
            Events = p.Events.Select(e => e.ToString()),
            Links = p.Links.Select(l => $"{l.Identifier}->{l.LinkedTo}@{l.Event}"),
            Excluded = p.Excluded.Select(x => $"{x.Identifier}@{x.Event}:{x.Reason}"),
        }),
        Index = State.ProfileOf.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"),
        Events = State.EventProfile.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"),
    });

    /// <summary>Profile ids with their identifier sets: the partition the graph made.</summary>
    public string PartitionJson() => JsonSerializer.Serialize(State.Profiles.Values
        .OrderBy(p => p.Id, StringComparer.Ordinal)
        .Select(p => $"{p.Id}: {string.Join(" ", p.Identifiers)}"));

    public static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
