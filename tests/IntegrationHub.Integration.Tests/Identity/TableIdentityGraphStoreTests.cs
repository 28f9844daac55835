using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Identity;

public sealed class TableIdentityGraphStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Phone = "+14155550123";
    private static readonly DateTimeOffset T0 = IdentityWorker.T0;

    private static PersonTraits Person(string recordId, string? email, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, null, null, phone);

    [Fact]
    public async Task ResolveAsync_EventLinkingTwoProfiles_MergesThemAndTheOldIdStillResolves()
    {
        // Arrange: a CRM contact, and a billing customer with another email and a phone.
        var worker = new IdentityWorker(Storage);
        var crm = await worker.ProcessAsync("crm", "e1", Person("lead_7", "ada@example.com") with { FirstName = "Ada" });
        var billing = await worker.ProcessAsync("billing", "e2", Person("cus_1", "ada@work.example", Phone, hour: 1) with { LastName = "Lovelace" });
        Assert.NotEqual(crm, billing);

        // Act: the CRM learns the phone.
        var merged = await worker.ProcessAsync("crm", "e3", Person("lead_7", "ada@example.com", Phone, hour: 2));

        // Assert
        Assert.Equal(crm, merged);
        Assert.Equal(crm, await worker.Graph.ResolveIdAsync(billing!));
        Assert.Null(await worker.Graph.GetProfileAsync(billing!));
        Assert.Null(await worker.Profiles.GetAsync(billing!));
        var identity = await worker.Graph.GetProfileAsync(crm!);
        Assert.Equal(3, identity!.Events.Count);
        Assert.Contains(identity.Links, l => l.Identifier == IdentityKey.ForPhone(Phone) && l.Event.EventId == "e3");
        var profile = await worker.Profiles.GetAsync(crm!);
        Assert.Equal("Ada", profile!.Candidates[ProfileFields.FirstName][0].Value);
        Assert.Equal("Lovelace", profile.Candidates[ProfileFields.LastName][0].Value);
        Assert.Equal(["billing:cus_1", "crm:lead_7"], profile.ExternalIds);
        Assert.Equal(["e1", "e2", "e3"], (await worker.Timeline.ListAsync(crm!, 10, null)).Items.Select(i => i.EventId).Order());
        Assert.Empty((await worker.Timeline.ListAsync(billing!, 10, null)).Items);
        Assert.Equal(crm, await Storage.Get<IIdentityIndex>().FindAsync(IdentityKey.ForEmail("ada@work.example")));
    }

    [Fact]
    public async Task UnlinkAsync_WronglyLinkedPhone_SplitsTheProfileBackWithBothSidesRebuilt()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var crm = await worker.ProcessAsync("crm", "e1", Person("lead_7", "ada@example.com") with { FirstName = "Ada" });
        var billing = await worker.ProcessAsync("billing", "e2", Person("cus_1", "grace@work.example", Phone, hour: 1) with { LastName = "Hopper" });
        await worker.ProcessAsync("crm", "e3", Person("lead_7", "ada@example.com", Phone, hour: 2));

        // Act
        var result = await worker.Resolver.UnlinkAsync(new EventRef("crm", "e3"), IdentityKey.ForPhone(Phone));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(billing, await worker.Graph.ResolveIdAsync(billing!));
        Assert.Equal(["e1", "e3"], (await worker.Graph.GetProfileAsync(crm!))!.Events.Select(e => e.EventId));
        Assert.Equal(["e2"], (await worker.Graph.GetProfileAsync(billing!))!.Events.Select(e => e.EventId));
        var ada = await worker.Profiles.GetAsync(crm!);
        var grace = await worker.Profiles.GetAsync(billing!);
        Assert.False(ada!.Candidates.ContainsKey(ProfileFields.LastName));
        Assert.Equal("Hopper", grace!.Candidates[ProfileFields.LastName][0].Value);
        Assert.Equal(["e2"], (await worker.Timeline.ListAsync(billing!, 10, null)).Items.Select(i => i.EventId));
        Assert.Contains(
            (await worker.Graph.GetProfileAsync(crm!))!.Excluded,
            x => x.Reason == ExcludedIdentifier.Unlinked && x.Identifier == IdentityKey.ForPhone(Phone));
    }

    [Fact]
    public async Task MarkSharedAsync_HouseholdPhone_SplitsEveryoneItLinked()
    {
        // Arrange: two people joined only by one phone.
        var worker = new IdentityWorker(Storage);
        var ada = await worker.ProcessAsync("crm", "e1", Person("lead_7", "ada@example.com", Phone));
        var joined = await worker.ProcessAsync("crm", "e2", Person("lead_8", "charles@example.com", Phone, hour: 1));
        Assert.Equal(ada, joined);

        // Act
        await worker.Resolver.MarkSharedAsync(IdentityKey.ForPhone(Phone));

        // Assert
        var index = Storage.Get<IIdentityIndex>();
        var charles = await index.FindAsync(IdentityKey.ForEmail("charles@example.com"));
        Assert.Equal(ada, await index.FindAsync(IdentityKey.ForEmail("ada@example.com")));
        Assert.NotNull(charles);
        Assert.NotEqual(ada, charles);
        Assert.Null(await index.FindAsync(IdentityKey.ForPhone(Phone)));
    }

    [Fact]
    public async Task RecordAsync_RedeliveryWithMoreIdentifiers_StoresTheUnionUnderEveryIdentifier()
    {
        // Arrange
        var graph = Storage.Get<IIdentityGraphStore>();
        var first = Person("lead_7", "ada@example.com");
        var again = Person("lead_7", "ada@example.com", Phone);
        var policy = IdentifierPolicy.Default;

        // Act
        await graph.RecordAsync(policy.EventFor("crm", "e1", first), first, IdentityWorker.InteractionFor("crm", "e1", first));
        var stored = await graph.RecordAsync(policy.EventFor("crm", "e1", again), again, IdentityWorker.InteractionFor("crm", "e1", again));
        var redelivered = await graph.RecordAsync(policy.EventFor("crm", "e1", first), first, IdentityWorker.InteractionFor("crm", "e1", first));
        var snapshot = await graph.LoadAsync([IdentityKey.ForEmail("ada@example.com")], policy);

        // Assert
        Assert.Equal(3, stored.Identifiers.Count);
        Assert.Equal(stored, redelivered);
        Assert.Equal(stored, snapshot.State.Events[new EventRef("crm", "e1")]);
        Assert.Contains(new EventRef("crm", "e1"), snapshot.State.EventsOf[IdentityKey.ForPhone(Phone)]);
    }

    [Fact]
    public async Task LoadAsync_IdentifierPastTheEventCap_IsOverloadedAndLinksNoOne()
    {
        // Arrange: eleven people with their own emails give one phone; the cap is ten events.
        var policy = new IdentifierPolicy(new IdentityOptions { MaxEventsPerIdentifier = 10, MaxProfilesPerIdentifier = 1000 });
        var worker = new IdentityWorker(Storage, policy);
        for (var i = 0; i < 11; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person($"lead_{i}", $"person{i}@example.com", Phone, hour: i));
        }

        // Act
        var late = await worker.ProcessAsync("crm", "e99", Person("lead_99", "late@example.com", Phone, hour: 99));
        var snapshot = await worker.Graph.LoadAsync([IdentityKey.ForPhone(Phone)], policy);

        // Assert
        Assert.Contains(IdentityKey.ForPhone(Phone), snapshot.State.Overloaded);
        Assert.Empty(snapshot.State.Events);
        Assert.Equal(ProfileIds.For(IdentityKey.ForExternalId("crm", "lead_99")), late);
        Assert.Equal(["e99"], (await worker.Graph.GetProfileAsync(late!))!.Events.Select(e => e.EventId));
        var index = Storage.Get<IIdentityIndex>();
        Assert.Null(await index.FindAsync(IdentityKey.ForPhone(Phone)));
        var people = await Task.WhenAll(Enumerable.Range(0, 11).Select(i => index.FindAsync(IdentityKey.ForEmail($"person{i}@example.com"))));
        Assert.Equal(11, people.Distinct().Count());
    }

    [Fact]
    public async Task LoadAsync_PhoneTheGraphFoundShared_IsNotFollowedAgain()
    {
        // Arrange: five people with their own emails give one phone; more than three profiles makes it shared.
        var worker = new IdentityWorker(Storage);
        for (var i = 0; i < 5; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person($"lead_{i}", $"person{i}@example.com", Phone, hour: i));
        }

        // Act
        var late = await worker.ProcessAsync("crm", "e99", Person("lead_99", "late@example.com", Phone, hour: 99));
        var fromPhone = await worker.Graph.LoadAsync([IdentityKey.ForPhone(Phone)], IdentifierPolicy.Default);
        var fromLate = await worker.Graph.LoadAsync([IdentityKey.ForEmail("late@example.com")], IdentifierPolicy.Default);

        // Assert: the phone's facts are not read any more, and a newcomer's load stays their own.
        Assert.Contains(IdentityKey.ForPhone(Phone), fromPhone.State.Overloaded);
        Assert.Empty(fromPhone.State.Events);
        Assert.Equal([new EventRef("crm", "e99")], fromLate.State.Events.Keys);
        var profile = (await worker.Graph.GetProfileAsync(late!))!;
        Assert.Equal(["e99"], profile.Events.Select(e => e.EventId));
        Assert.Contains(profile.Excluded, x => x.Identifier == IdentityKey.ForPhone(Phone) && x.Reason == ExcludedIdentifier.Shared);
        var index = Storage.Get<IIdentityIndex>();
        var people = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => index.FindAsync(IdentityKey.ForEmail($"person{i}@example.com"))));
        Assert.Equal(5, people.Distinct().Count());
        Assert.Null(await index.FindAsync(IdentityKey.ForPhone(Phone)));
    }

    [Fact]
    public async Task SetMarkedSharedAsync_Unmarked_TheGraphLooksAtAFoundSharedPhoneAgain()
    {
        // Arrange: the graph found the phone shared.
        var worker = new IdentityWorker(Storage);
        for (var i = 0; i < 5; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person($"lead_{i}", $"person{i}@example.com", Phone, hour: i));
        }

        // Act: an operator says it links people after all.
        await worker.Graph.SetMarkedSharedAsync(IdentityKey.ForPhone(Phone), marked: false);
        var snapshot = await worker.Graph.LoadAsync([IdentityKey.ForPhone(Phone)], IdentifierPolicy.Default);

        // Assert: every event under it is read again, so the next event decides from all of them.
        Assert.DoesNotContain(IdentityKey.ForPhone(Phone), snapshot.State.Overloaded);
        Assert.Equal(5, snapshot.State.EventsOf[IdentityKey.ForPhone(Phone)].Count);
    }
}
