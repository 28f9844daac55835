using IntegrationHub.Core.Model;
using IntegrationHub.Core.Profiles;

namespace IntegrationHub.Core.Tests.Profiles;

/// <summary>ARCHITECTURE.md decision 2: any order, any redelivery, any duplication of the same events gives the same
/// unified record. Seeded, so a failure names the seed that reproduces it.</summary>
public sealed class ProfileMergerPropertyTests
{
    private const int Runs = 500;
    private static readonly string[] Sources = ["crm", "shop", "support"];
    private static readonly string?[] RecordIds = ["r1", "r2", "r3", null];
    private static readonly string[] Emails = ["ada@example.com", "augusta@example.com", "grace@example.com"];
    private static readonly string[] FirstNames = ["Ada", "Augusta", "Grace"];
    private static readonly string[] LastNames = ["Lovelace", "King", "Hopper"];
    private static readonly string[] Phones = ["+14155552671", "+442079460958"];
    private static readonly DateTimeOffset T0 = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed record Event(string Source, string EventId, PersonTraits Traits);

    private static UnifiedProfile MergeAll(IEnumerable<Event> events) =>
        events.Aggregate(UnifiedProfile.Empty("p_0123456789abcdef0123456789abcdef"),
            (profile, e) => ProfileMerger.Merge(profile, e.Source, e.Traits, e.EventId).Profile);

    private static T? Maybe<T>(Random random, T[] values) where T : class =>
        random.Next(4) == 0 ? null : values[random.Next(values.Length)];

    /// <summary>A small pool of events that collide often: few sources, records, values and (minute-grained) times,
    /// so same-record updates, time ties and equal values all occur.</summary>
    private static List<Event> Events(Random random)
    {
        var count = random.Next(1, 12);
        return [.. Enumerable.Range(0, count).Select(i => new Event(
            Sources[random.Next(Sources.Length)],
            $"evt_{i}",
            new PersonTraits(
                RecordIds[random.Next(RecordIds.Length)],
                T0.AddMinutes(random.Next(4)),
                Maybe(random, Emails),
                Maybe(random, FirstNames),
                Maybe(random, LastNames),
                Maybe(random, Phones))))];
    }

    /// <summary>The same events shuffled, with some delivered again (at-least-once queues, webhook retries).</summary>
    private static List<Event> Redelivered(Random random, List<Event> events)
    {
        var deliveries = events.Concat(events.Where(_ => random.Next(3) == 0)).Concat(events.Where(_ => random.Next(5) == 0)).ToArray();
        random.Shuffle(deliveries);
        return [.. deliveries];
    }

    [Fact]
    public void Merge_AnyPermutationAndDuplicationOfEvents_GivesTheSameProfile()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            // Arrange
            var random = new Random(seed);
            var events = Events(random);
            var expected = CanonicalProfileJson.Serialise(MergeAll(events));

            for (var variant = 0; variant < 8; variant++)
            {
                var deliveries = Redelivered(random, events);

                // Act
                var actual = CanonicalProfileJson.Serialise(MergeAll(deliveries));

                // Assert
                Assert.True(expected == actual,
                    $"seed {seed}, variant {variant}: order {string.Join(",", deliveries.Select(d => d.EventId))}\nexpected {expected}\nactual   {actual}");
            }
        }
    }

    [Fact]
    public void Merge_AnyOrder_WinnerIsNewestValueWithDeterministicTieBreak()
    {
        for (var seed = 0; seed < Runs; seed++)
        {
            // Arrange
            var random = new Random(seed);
            var events = Events(random);
            var deliveries = Redelivered(random, events);

            // Act
            var profile = MergeAll(deliveries);

            // Assert: the winner is the best value under the survivorship order among each record's latest values.
            var firstNames = events
                .Where(e => e.Traits.FirstName is not null)
                .Select(e => new FieldValue(e.Traits.FirstName!, e.Source, e.Traits.SourceRecordId ?? e.EventId, e.Traits.EventTime))
                .GroupBy(v => (v.Source, v.SourceRecordId))
                .Select(g => g.Order(Survivorship.Order).First())
                .Order(Survivorship.Order)
                .ToList();
            var actual = profile.Candidates.GetValueOrDefault(ProfileFields.FirstName) ?? [];
            Assert.True(firstNames.SequenceEqual(actual), $"seed {seed}");
        }
    }
}
