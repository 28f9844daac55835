using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Profiles;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Identity;

/// <summary>Operators' corrections undone on real storage: the flag and the mark are cleared and the rows come back to
/// what they were before the correction.</summary>
public sealed class IdentityCorrectionUndoTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Phone = "+14155550123";
    private static readonly IdentityKey PhoneKey = IdentityKey.ForPhone(Phone);
    private static readonly DateTimeOffset T0 = IdentityWorker.T0;

    private static PersonTraits Person(string recordId, string email, string? phone = null, int hour = 0) =>
        new(recordId, T0.AddHours(hour), email, null, null, phone);

    /// <summary>Ada (crm) and Grace (billing) joined by the phone the CRM gave Ada on e3.</summary>
    private static async Task<(string Ada, string Grace)> MergedByPhone(IdentityWorker worker)
    {
        var ada = await worker.ProcessAsync("crm", "e1", Person("lead_7", "ada@example.com") with { FirstName = "Ada" });
        var grace = await worker.ProcessAsync("billing", "e2", Person("cus_1", "grace@work.example", Phone, hour: 1) with { LastName = "Hopper" });
        Assert.Equal(ada, await worker.ProcessAsync("crm", "e3", Person("lead_7", "ada@example.com", Phone, hour: 2)));
        return (ada!, grace!);
    }

    [Fact]
    public async Task RelinkAsync_AfterUnlink_MergesBackWithProfileTimelineAndPointersRebuilt()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var (ada, grace) = await MergedByPhone(worker);
        var evidence = new EventRef("crm", "e3");
        await worker.Resolver.UnlinkAsync(evidence, PhoneKey);
        Assert.Equal(grace, await worker.Graph.ResolveIdAsync(grace));

        // Act
        var result = await worker.Resolver.RelinkAsync(evidence, PhoneKey);

        // Assert
        Assert.NotNull(result);
        Assert.Equal([grace], result.Retired);
        Assert.Equal(ada, await worker.Graph.ResolveIdAsync(grace));
        var identity = await worker.Graph.GetProfileAsync(ada);
        Assert.Equal(["e1", "e2", "e3"], identity!.Events.Select(e => e.EventId));
        Assert.DoesNotContain(identity.Excluded, x => x.Reason == ExcludedIdentifier.Unlinked);
        var profile = await worker.Profiles.GetAsync(ada);
        Assert.Equal("Hopper", profile!.Candidates[ProfileFields.LastName][0].Value);
        Assert.Equal(["e1", "e2", "e3"], (await worker.Timeline.ListAsync(ada, 10, null)).Items.Select(i => i.EventId).Order());
        Assert.Equal(ada, await Storage.Get<IIdentityIndex>().FindAsync(IdentityKey.ForEmail("grace@work.example")));
    }

    [Fact]
    public async Task RelinkAsync_NothingUnlinked_ReturnsNullAndWritesNothing()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var (ada, _) = await MergedByPhone(worker);
        var before = await worker.Graph.GetProfileAsync(ada);

        // Act
        var result = await worker.Resolver.RelinkAsync(new EventRef("crm", "e3"), PhoneKey);

        // Assert
        Assert.Null(result);
        Assert.Equal(before, await worker.Graph.GetProfileAsync(ada));
    }

    [Fact]
    public async Task UnmarkSharedAsync_AfterMarkShared_LinksEveryoneAgain()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var (ada, grace) = await MergedByPhone(worker);
        var index = Storage.Get<IIdentityIndex>();
        await worker.Resolver.MarkSharedAsync(PhoneKey);
        Assert.Null(await index.FindAsync(PhoneKey));

        // Act
        var result = await worker.Resolver.UnmarkSharedAsync(PhoneKey);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(ada, await index.FindAsync(PhoneKey));
        Assert.Equal(ada, await index.FindAsync(IdentityKey.ForEmail("grace@work.example")));
        Assert.Equal(ada, await worker.Graph.ResolveIdAsync(grace));
        Assert.Null(await worker.Resolver.UnmarkSharedAsync(PhoneKey));
    }

    [Fact]
    public async Task UnmarkSharedAsync_PhoneTheGraphFoundShared_DecidedAgainFromEveryEvent()
    {
        // Arrange: four people give one phone, so the graph finds it shared and stops following it. Later, HR records
        // chain them into one person (each record joins two of them, so none of those is shared) — but the phone stays
        // set aside, because the store does not look at a found-shared identifier again by itself.
        var worker = new IdentityWorker(Storage);
        for (var i = 0; i < 4; i++)
        {
            await worker.ProcessAsync("crm", $"e{i}", Person($"lead_{i}", $"p{i}@example.com", Phone, hour: i));
        }
        string? person = null;
        string[] records = ["rec_a", "rec_b", "rec_c"];
        for (var r = 0; r < records.Length; r++)
        {
            await worker.ProcessAsync("hr", $"h{r}a", Person(records[r], $"p{r}@example.com", hour: 10 + (2 * r)));
            person = await worker.ProcessAsync("hr", $"h{r}b", Person(records[r], $"p{r + 1}@example.com", hour: 11 + (2 * r)));
        }
        var index = Storage.Get<IIdentityIndex>();
        var people = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => index.FindAsync(IdentityKey.ForEmail($"p{i}@example.com"))));
        Assert.Single(people.Distinct());
        Assert.Null(await index.FindAsync(PhoneKey));

        // Act: the operator asks for it to be looked at again.
        var result = await worker.Resolver.UnmarkSharedAsync(PhoneKey);

        // Assert: it joins one profile now, so it links that person.
        Assert.NotNull(result);
        Assert.Equal(await worker.Graph.ResolveIdAsync(person!), await index.FindAsync(PhoneKey));
    }
}
