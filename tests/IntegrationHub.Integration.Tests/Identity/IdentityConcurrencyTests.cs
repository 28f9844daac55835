using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Integration.Tests.Fixtures;
using IntegrationHub.Integration.Tests.Profiles;

namespace IntegrationHub.Integration.Tests.Identity;

/// <summary>The identity graph through the real store when events race or arrive in any order: the same facts give
/// the same profiles (docs/identity.md, "Concurrency").</summary>
public sealed class IdentityConcurrencyTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset T0 = IdentityWorker.T0;

    private static PersonTraits Person(string recordId, string? email, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, null, null, phone);

    [Fact]
    public async Task ResolveAsync_TwoWorkersRacingEventsThatMustMerge_EndInOneProfileWithEveryEventsFields()
    {
        // Arrange: two workers (separate clients on the same tables), three events per person that only together say
        // they are one person, all let go at once.
        await using var other = await StorageHost.StartAsync(Azurite.ConnectionString, Storage.Prefix);
        var (one, two) = (new IdentityWorker(Storage), new IdentityWorker(other));
        const int People = 25;

        for (var i = 0; i < People; i++)
        {
            var (email, phone) = ($"person{i}@example.com", $"+1415555{1000 + i}");
            var gate = new TaskCompletionSource();
            var runs = new[]
            {
                Race(gate, () => one.ProcessAsync("crm", $"a{i}", Person($"lead_{i}", email, hour: 0) with { FirstName = $"First{i}" })),
                Race(gate, () => two.ProcessAsync("shop", $"b{i}", Person($"cus_{i}", null, phone, hour: 1) with { LastName = $"Last{i}" })),
                Race(gate, () => one.ProcessAsync("billing", $"c{i}", Person($"acct_{i}", email, phone, hour: 2) with { Company = $"Co{i}" })),
                Race(gate, () => two.ProcessAsync("billing", $"c{i}", Person($"acct_{i}", email, phone, hour: 2) with { Company = $"Co{i}" })),
            };

            // Act
            gate.SetResult();
            var ids = await Task.WhenAll(runs);

            // Assert: every id any worker was given now resolves to one profile holding all three events and fields.
            var current = await Task.WhenAll(ids.Select(id => one.Graph.ResolveIdAsync(id!)));
            var profileId = Assert.Single(current.Distinct());
            Assert.Equal(ProfileIds.For(IdentityKey.ForExternalId("crm", $"lead_{i}")), profileId);
            var identity = await one.Graph.GetProfileAsync(profileId!);
            Assert.Equal([$"a{i}", $"b{i}", $"c{i}"], identity!.Events.Select(e => e.EventId));
            var profile = await one.Profiles.GetAsync(profileId!);
            Assert.Equal($"First{i}", profile!.Candidates[ProfileFields.FirstName][0].Value);
            Assert.Equal($"Last{i}", profile.Candidates[ProfileFields.LastName][0].Value);
            Assert.Equal($"Co{i}", profile.Candidates[ProfileFields.Company][0].Value);
            Assert.Equal(profileId, await Storage.Get<IIdentityIndex>().FindAsync(IdentityKey.ForPhone(phone)));
            Assert.Equal(3, (await one.Timeline.ListAsync(profileId!, 10, null)).Items.Count);
        }
    }

    private static Task<string?> Race(TaskCompletionSource gate, Func<Task<string?>> run) =>
        Task.Run(async () =>
        {
            await gate.Task;
            return await run();
        });

    [Fact]
    public async Task ResolveAsync_SameEventsInShuffledOrders_GiveTheSameProfiles()
    {
        // Arrange: three people; Ada's records only join through a later event, Grace's CRM record arrives late (a
        // backfill, which renames her profile), Alan shares nothing; one event is delivered twice.
        var events = new (string Connection, string EventId, PersonTraits Person)[]
        {
            ("crm", "a1", Person("lead_1", "ada@example.com") with { FirstName = "Ada" }),
            ("shop", "a2", Person("cus_1", "ada@work.example", "+14155550101", hour: 1) with { LastName = "Lovelace" }),
            ("crm", "a3", Person("lead_1", "ada@example.com", "+14155550101", hour: 2) with { Company = "Analytical" }),
            ("shop", "g1", Person("cus_2", "grace@example.com", hour: 3) with { LastName = "Hopper" }),
            ("crm", "g0", Person("lead_2", "grace@example.com") with { FirstName = "Grace" }),
            ("shop", "t1", Person("cus_3", "alan@example.com", "+14155550102", hour: 4) with { FirstName = "Alan" }),
            ("shop", "a2", Person("cus_1", "ada@work.example", "+14155550101", hour: 1) with { LastName = "Lovelace" }),
        };
        var identifiers = new[]
        {
            IdentityKey.ForEmail("ada@example.com"), IdentityKey.ForEmail("ada@work.example"), IdentityKey.ForPhone("+14155550101"),
            IdentityKey.ForEmail("grace@example.com"), IdentityKey.ForExternalId("shop", "cus_2"), IdentityKey.ForEmail("alan@example.com"),
        };
        var random = new Random(20251123);

        // Act
        var outcomes = new List<string>();
        for (var run = 0; run < 4; run++)
        {
            var order = run == 0 ? events : [.. events.OrderBy(_ => random.Next())];
            await using var storage = await Azurite.StartStorageAsync();
            var worker = new IdentityWorker(storage);
            foreach (var (connection, eventId, person) in order)
            {
                await worker.ProcessAsync(connection, eventId, person);
            }
            outcomes.Add(await Describe(storage, worker, identifiers));
        }

        // Assert
        Assert.All(outcomes, o => Assert.Equal(outcomes[0], o));
        Assert.Contains("Lovelace", outcomes[0], StringComparison.Ordinal);
    }

    /// <summary>Every identifier's profile, with that profile's identity and fields, as text to compare.</summary>
    private static async Task<string> Describe(StorageHost storage, IdentityWorker worker, IReadOnlyList<IdentityKey> identifiers)
    {
        var index = storage.Get<IIdentityIndex>();
        var lines = new List<string>();
        foreach (var key in identifiers)
        {
            var id = await index.FindAsync(key);
            var identity = await worker.Graph.GetProfileAsync(id!);
            var view = ProfileView.From((await worker.Profiles.GetAsync(id!))!);
            var timeline = (await worker.Timeline.ListAsync(id!, 50, null)).Items.Select(i => i.EventId).Order();
            lines.Add($"{key} -> {id} events={string.Join(",", identity!.Events.Select(e => e.EventId))} "
                + $"links={identity.Links.Count} timeline={string.Join(",", timeline)} "
                + System.Text.Json.JsonSerializer.Serialize(view));
        }
        return string.Join("\n", lines);
    }

}
