using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Identity;

/// <summary>Profiles the identity graph rebuilds are announced on the <c>profile-changed</c> queue, as a consumer
/// reads it.</summary>
public sealed class RebuildProfileChangedTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Phone = "+14155550123";
    private static readonly DateTimeOffset T0 = IdentityWorker.T0;

    private async Task<List<ProfileChanged>> PublishedAsync()
    {
        var queue = await Storage.Resources.QueueAsync(StorageNames.ProfileChangedQueue);
        return [.. (await queue.PeekMessagesAsync(32)).Value
            .Select(m => JsonSerializer.Deserialize<ProfileChanged>(m.Body.ToString(), ProfileChanged.JsonOptions)!)];
    }

    [Fact]
    public async Task MergeThenUnlink_EachRebuiltProfilePublishedWithWhatChanged()
    {
        // Arrange
        var worker = new IdentityWorker(Storage);
        var ada = await worker.ProcessAsync("crm", "e1", new PersonTraits("lead_7", T0, "ada@example.com", "Ada", null, null));
        var grace = await worker.ProcessAsync("billing", "e2", new PersonTraits("cus_1", T0.AddHours(1), "grace@work.example", null, "Hopper", Phone));

        // Act
        await worker.ProcessAsync("crm", "e3", new PersonTraits("lead_7", T0.AddHours(2), "ada@example.com", null, null, Phone));
        var merged = Assert.Single(await PublishedAsync());
        await worker.Resolver.UnlinkAsync(new EventRef("crm", "e3"), IdentityKey.ForPhone(Phone));

        // Assert
        Assert.Equal((ada, "merged", "crm", "e3"), (merged.ProfileId, merged.Reason, merged.Connection, merged.EventId));
        Assert.Equal([grace!], merged.RetiredIds);
        Assert.Equal("Hopper", merged.Fields[ProfileFields.LastName].Value);
        var split = (await PublishedAsync()).Skip(1).ToDictionary(c => c.ProfileId);
        Assert.Equal(["lastName"], split[ada!].RemovedFields);
        Assert.Equal("split", split[ada!].Reason);
        Assert.Null(split[ada!].DeliveryId);
        Assert.Equal("Hopper", split[grace!].Fields[ProfileFields.LastName].Value);
        Assert.Equal(2, split.Count);
    }
}
