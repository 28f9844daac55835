using CsCheck;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

/// <summary>Decision 2 under every survivorship rule, proved with CsCheck: whatever rule each field has, any permutation
/// and duplication of the same events gives the same profile.</summary>
public sealed class ProfileMergerRulesPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["crm", "shop", "support"];
    private static readonly string?[] RecordIds = ["r1", "r2", null];
    private static readonly string?[] Names = ["Ada", "Augusta", "A.", "Ada Augusta", null];
    private static readonly string?[] Companies = ["Acme", "ACME Ltd", null];
    private static readonly string?[] Consents = [ConsentStatuses.Subscribed, ConsentStatuses.Unsubscribed, null];

    private static Gen<T> OneOf<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<FieldRule> RuleGen = Gen.Int[0, 3].SelectMany(rule =>
        Gen.Shuffle(Sources.ToArray()).Select(order => new FieldRule((SurvivorshipRule)rule, order[..2])));

    private static readonly Gen<SurvivorshipRules> RulesGen = Gen.Select(RuleGen, RuleGen, RuleGen).Select((first, company, consent) =>
        new SurvivorshipRules(new Dictionary<string, FieldRule>
        {
            [ProfileFields.FirstName] = first,
            [ProfileFields.Company] = company,
            ["consent.email"] = consent,
        }));

    private static readonly Gen<SourcedTraits> EventGen =
        Gen.Select(OneOf(Sources), OneOf(RecordIds), OneOf(Names), OneOf(Companies), OneOf(Consents), Gen.Int[0, 3])
            .Select((source, record, name, company, consent, minute) => (source, new PersonTraits(
                record, T0.AddMinutes(minute), null, name, null, null, company,
                Consents: consent is null ? null : [new ConsentStatement("email", consent)])))
            .Select(e => new SourcedTraits(e.source, "", e.Item2));

    private static readonly Gen<(SurvivorshipRules Rules, SourcedTraits[] Events, SourcedTraits[] Deliveries)> Scenarios =
        Gen.Select(RulesGen, EventGen.Array[1, 10])
            .Select((rules, events) => (rules, events.Select((e, i) => e with { EventId = $"e{i}" }).ToArray()))
            .SelectMany((rules, events) => Gen.Int[0, 2].Array[events.Length]
                .SelectMany(copies => Gen.Shuffle(events.Concat(events.SelectMany((e, i) => Enumerable.Repeat(e, copies[i]))).ToArray()))
                .Select(deliveries => (rules, events, deliveries)));

    private static UnifiedProfile MergeAll(SurvivorshipRules rules, IEnumerable<SourcedTraits> events) =>
        events.Aggregate(UnifiedProfile.Empty("p_1"), (p, e) => ProfileMerger.Merge(p, e.Connection, e.Traits, e.EventId, rules).Profile);

    [Fact]
    public void Merge_AnyRuleAnyPermutationAndDuplication_GivesTheSameProfile()
    {
        Scenarios.Sample(s =>
        {
            // Arrange
            var expected = CanonicalProfileJson.Serialise(MergeAll(s.Rules, s.Events));

            // Act
            var actual = CanonicalProfileJson.Serialise(MergeAll(s.Rules, s.Deliveries));

            // Assert
            Assert.Equal(expected, actual);
        }, iter: 1000, threads: 1);
    }

    [Fact]
    public void Merge_AnyRule_WinnerIsTheRulesBestAmongEachRecordsKeptValue()
    {
        Scenarios.Sample(s =>
        {
            // Act
            var profile = MergeAll(s.Rules, s.Deliveries);

            // Assert
            var order = s.Rules.OrderFor(ProfileFields.Company);
            var retention = s.Rules.RetentionFor(ProfileFields.Company);
            var expected = s.Events
                .Where(e => e.Traits.Company is not null)
                .Select(e => new FieldValue(e.Traits.Company!, e.Connection, e.Traits.SourceRecordId ?? e.EventId, e.Traits.EventTime))
                .GroupBy(v => (v.Source, v.SourceRecordId))
                .Select(g => g.Order(retention).First())
                .Order(order)
                .ToList();
            Assert.Equal(expected, profile.Candidates.GetValueOrDefault(ProfileFields.Company) ?? []);
        }, iter: 1000, threads: 1);
    }
}
