using CsCheck;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Identity;

/// <summary>ARCHITECTURE.md decision 2 for the identity graph, proved with CsCheck: any permutation and any duplication
/// of the same events gives the same profiles (same ids, identifiers, links and field values), incremental application
/// agrees with resolving everything afresh, and a merge followed by its unmerge restores the profiles. A failure prints
/// the seed that reproduces it (pass it as <c>seed:</c> to replay).</summary>
public sealed class IdentityGraphPropertyTests
{
    private const int Iterations = 400;
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Connections = ["crm", "shop", "web"];
    private static readonly string?[] RecordIds = ["r1", "r2", "r3", "null", null, null];
    private static readonly string?[] Emails = ["ada@example.com", "grace@example.com", "team@example.com", "test@test.com", null, null];
    private static readonly string?[] Phones = ["+14155552671", "+442079460958", null, null, null];
    private static readonly string?[] AnonymousIds = ["a1", "a2", "a3", null, null];
    private static readonly string?[] FirstNames = ["Ada", "Augusta", "Grace", null];

    /// <summary>Default limits, and tight ones under which shared identifiers and refused links are common.</summary>
    private static readonly IdentifierPolicy[] Policies =
    [
        IdentifierPolicy.Default,
        new(new IdentityOptions { MaxEmailsPerProfile = 1, MaxPhonesPerProfile = 1, MaxExternalIdsPerConnection = 1, MaxProfilesPerIdentifier = 1 }),
        new(new IdentityOptions { MaxEmailsPerProfile = 2, MaxAnonymousIdsPerProfile = 2, MaxProfilesPerIdentifier = 2 }),
    ];

    private static readonly SurvivorshipRules Rules = new(new Dictionary<string, FieldRule>
    {
        [ProfileFields.FirstName] = new(SurvivorshipRule.SourcePriority, ["crm"]),
        [ProfileFields.Email] = new(SurvivorshipRule.FirstSeen, []),
        [ProfileFields.Phone] = new(SurvivorshipRule.MostComplete, []),
    });

    private static Gen<T> OneOf<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<(string Connection, PersonTraits Traits)> EventGen =
        Gen.Select(OneOf(Connections), OneOf(RecordIds), OneOf(Emails), OneOf(Phones), OneOf(AnonymousIds))
            .SelectMany((connection, record, email, phone, anonymous) => Gen.Select(OneOf(FirstNames), Gen.Int[0, 3])
                .Select((first, minute) => (connection, new PersonTraits(
                    record, T0.AddMinutes(minute), email, first, null, phone, AnonymousId: anonymous))));

    /// <summary>A small pool of events that collide often: few sources, records, emails, phones, devices and times.</summary>
    private static readonly Gen<TestEvent[]> EventsGen = EventGen.Array[1, 14]
        .Select(events => events.Select((e, i) => new TestEvent(e.Connection, $"e{i}", e.Traits)).ToArray());

    /// <summary>The same events in any order, some delivered more than once (at-least-once queues, webhook retries).</summary>
    private static Gen<TestEvent[]> Redelivered(TestEvent[] events) =>
        Gen.Int[0, 2].Array[events.Length].SelectMany(copies =>
            Gen.Shuffle(events.Concat(events.SelectMany((e, i) => Enumerable.Repeat(e, copies[i]))).ToArray()));

    private static readonly Gen<(int Policy, TestEvent[] Events, TestEvent[] Deliveries)> Scenarios =
        Gen.Select(Gen.Int[0, Policies.Length - 1], EventsGen)
            .SelectMany((policy, events) => Redelivered(events).Select(deliveries => (policy, events, deliveries)));

    private static IdentityGraphHarness Build(int policy, IEnumerable<TestEvent> events) =>
        new IdentityGraphHarness(Policies[policy], Rules).ApplyAll(events);

    [Fact]
    public void Apply_AnyPermutationAndDuplication_GivesTheSameProfilesAndFields()
    {
        Scenarios.Sample(s =>
        {
            // Arrange
            var expected = Build(s.Policy, s.Events);

            // Act
            var actual = Build(s.Policy, s.Deliveries);

            // Assert
            Assert.Equal(expected.GraphJson(), actual.GraphJson());
            Assert.Equal(expected.UnifiedJson(), actual.UnifiedJson());
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Apply_Incrementally_AgreesWithResolvingEverythingAfresh()
    {
        Scenarios.Sample(s =>
        {
            // Arrange
            var incremental = Build(s.Policy, s.Deliveries);

            // Act
            var rebuilt = IdentityGraph.Rebuild(incremental.State, incremental.Policy);

            // Assert: nothing left to change, so each step's local recomputation was the global answer.
            Assert.Empty(rebuilt.Changes);
            Assert.Empty(rebuilt.Recompute);
            Assert.Equal(incremental.GraphJson(), GraphJsonOf(rebuilt.State, incremental.Policy));
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Apply_AnyOrder_EveryFormerIdStillResolves()
    {
        Scenarios.Sample(s =>
        {
            // Arrange
            var sut = new IdentityGraphHarness(Policies[s.Policy], Rules);
            var everSeen = new HashSet<string>(StringComparer.Ordinal);

            // Act
            foreach (var delivery in s.Deliveries)
            {
                sut.Apply(delivery);
                everSeen.UnionWith(sut.State.Profiles.Keys);
            }

            // Assert: a former id resolves to the profile that now holds the identifier it was named after, unless that
            // identifier has since been found shared (then it names no one person).
            foreach (var id in everSeen)
            {
                var origin = sut.State.IdOrigins[id];
                var resolved = IdentityGraph.ResolveId(sut.State, id);
                if (sut.State.ProfileOf.TryGetValue(origin, out var holder))
                {
                    Assert.Equal(holder, resolved);
                }
                else if (resolved is not null)
                {
                    Assert.Contains(resolved, sut.State.Profiles.Keys);
                }
            }
        }, iter: Iterations, threads: 1);
    }

    /// <summary>A merge event (an identify call: the record id and the device id it was seen on) joins two profiles;
    /// unlinking the device id from it restores both, ids and fields, exactly.</summary>
    [Fact]
    public void Unlink_AfterAnyMerge_RestoresTheOriginalProfiles()
    {
        var merges = 0;
        Scenarios.Sample(s =>
        {
            // Arrange
            var sut = Build(s.Policy, s.Deliveries);
            var partition = sut.PartitionJson();
            var fields = sut.UnifiedJson();
            var pair = (from left in sut.State.Profiles.Values
                        from device in left.Identifiers.Where(k => k.Kind == IdentityKey.AnonymousKind)
                        from right in sut.State.Profiles.Values
                        where right.Id != left.Id
                        from record in right.Identifiers.Where(k => k.Kind == IdentityKey.ExternalKind && k.Connection == device.Connection)
                        select (device, record)).FirstOrDefault();
            if (pair == default)
            {
                return;
            }
            var connection = pair.record.Connection!;
            var merge = new TestEvent(connection, "merge", new PersonTraits(
                pair.record.Value[(connection.Length + 1)..], T0.AddHours(1), null, null, null, null,
                AnonymousId: pair.device.Value[(connection.Length + 1)..]));

            // Act
            var merged = sut.Apply(merge);
            merges += merged.Changes.Any(c => c.Kind == IdentityChangeKind.Merged) ? 1 : 0;
            sut.Step(IdentityGraph.Unlink(sut.State, merge.Ref, pair.device, sut.Policy));

            // Assert
            Assert.Equal(partition, sut.PartitionJson());
            Assert.Equal(fields, sut.UnifiedJson());
        }, iter: Iterations, threads: 1);
        Assert.True(merges > Iterations / 20, $"only {merges} of {Iterations} samples merged: the generator no longer exercises merges");
    }

    [Fact]
    public void MarkShared_ThenUnmark_RestoresTheGraph()
    {
        Scenarios.SelectMany(s => Gen.Int[0, s.Events.Length - 1].Select(i => (s.Policy, s.Events, Pick: i))).Sample(s =>
        {
            // Arrange
            var sut = Build(s.Policy, s.Events);
            var before = sut.GraphJson();
            var identifiers = sut.Policy.EventFor(s.Events[s.Pick].Connection, s.Events[s.Pick].EventId, s.Events[s.Pick].Traits).Identifiers;
            if (identifiers.Count == 0)
            {
                return;
            }
            var key = identifiers[0];

            // Act
            sut.Step(IdentityGraph.MarkShared(sut.State, key, sut.Policy));
            Assert.Null(sut.Find(key));
            sut.Step(IdentityGraph.UnmarkShared(sut.State, key, sut.Policy));

            // Assert
            Assert.Equal(before, sut.GraphJson());
        }, iter: Iterations, threads: 1);
    }

    [Fact]
    public void Unlink_ThenRelink_RestoresTheGraphAndUnlinkedStateIsOrderFree()
    {
        Scenarios.SelectMany(s => Gen.Int[0, s.Events.Length - 1].Select(i => (s.Policy, s.Events, s.Deliveries, Pick: i))).Sample(s =>
        {
            // Arrange
            var sut = Build(s.Policy, s.Events);
            var before = sut.GraphJson();
            var picked = s.Events[s.Pick];
            var identifiers = sut.Policy.EventFor(picked.Connection, picked.EventId, picked.Traits).Identifiers;
            if (identifiers.Count == 0)
            {
                return;
            }
            var key = identifiers[^1];

            // Act
            sut.Step(IdentityGraph.Unlink(sut.State, picked.Ref, key, sut.Policy));
            var unlinked = sut.GraphJson();
            var other = Build(s.Policy, s.Deliveries);
            other.Step(IdentityGraph.Unlink(other.State, picked.Ref, key, other.Policy));
            sut.Step(IdentityGraph.Relink(sut.State, picked.Ref, key, sut.Policy));

            // Assert
            Assert.Equal(unlinked, other.GraphJson());
            Assert.Equal(before, sut.GraphJson());
        }, iter: Iterations, threads: 1);
    }

    private static string GraphJsonOf(IdentityGraphState state, IdentifierPolicy policy)
    {
        var harness = new IdentityGraphHarness(policy, Rules);
        harness.Step(new IdentityGraphResult(state, [], [], []));
        return harness.GraphJson();
    }
}
