using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;
using IntegrationHub.Integration.Tests.Identity;

namespace IntegrationHub.Integration.Tests.Health;

/// <summary><c>/api/health</c>'s <c>sharedIdentifiers</c>: counted when a pointer is first flagged, uncounted when an
/// operator clears it, never by scanning the identifiers.</summary>
public sealed class SharedIdentifierHealthTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Phone = "+14155550123";

    [Fact]
    public async Task CheckAsync_FivePeopleShareAPhone_ReportsOneSharedIdentifier()
    {
        // Arrange: more than three people with their own emails make the phone shared; later events leave it counted once.
        var worker = new IdentityWorker(Storage);
        var health = Storage.Get<IHubHealth>();
        var before = (await health.CheckAsync()).SharedIdentifiers;

        // Act
        for (var i = 0; i < 5; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person(i));
        }
        await worker.ProcessAsync("crm", "e99", Person(99));

        // Assert
        Assert.Equal(0, before);
        Assert.Equal(1, (await health.CheckAsync()).SharedIdentifiers);
    }

    [Fact]
    public async Task CheckAsync_OperatorClearsTheSharedPhone_ReportsZero()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        for (var i = 0; i < 5; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person(i));
        }
        var health = Storage.Get<IHubHealth>();
        Assert.Equal(1, (await health.CheckAsync()).SharedIdentifiers);

        // Act: two operators clear it at once; it is uncounted once.
        await Task.WhenAll(
            worker.Graph.SetMarkedSharedAsync(IdentityKey.ForPhone(Phone), marked: false),
            Storage.Get<IIdentityGraphStore>().SetMarkedSharedAsync(IdentityKey.ForPhone(Phone), marked: false));

        // Assert
        Assert.Equal(0, (await health.CheckAsync()).SharedIdentifiers);
    }

    [Fact]
    public async Task CheckAsync_PhonePastTheEventCapFoundByConcurrentLoads_CountedOnce()
    {
        // Arrange: eleven events under one phone, a cap of ten; none has been resolved yet, so nothing flags it.
        var policy = new IdentifierPolicy(new IdentityOptions { MaxEventsPerIdentifier = 10, MaxProfilesPerIdentifier = 1000 });
        var workers = new[] { new IdentityWorker(Storage, policy), new IdentityWorker(Storage, policy) };
        for (var i = 0; i < 11; i++)
        {
            var person = Person(i);
            var interaction = IdentityWorker.InteractionFor("crm", $"e{i}", person);
            await workers[0].Graph.RecordAsync(policy.EventFor("crm", $"e{i}", person), person, interaction);
        }
        var health = Storage.Get<IHubHealth>();

        // Act: four deliveries carrying it, resolved side by side, each finding it past the cap.
        await Task.WhenAll(Enumerable.Range(100, 4).Select(i => workers[i % 2].ProcessAsync("crm", $"e{i}", Person(i))));
        await workers[0].ProcessAsync("crm", "e200", Person(200));

        // Assert
        Assert.Equal(1, (await health.CheckAsync()).SharedIdentifiers);
        Assert.Null(await Storage.Get<IIdentityIndex>().FindAsync(IdentityKey.ForPhone(Phone)));
    }

    private static PersonTraits Person(int i) =>
        new($"lead_{i}", IdentityWorker.T0.AddHours(i), $"person{i}@example.com", null, null, Phone);
}
