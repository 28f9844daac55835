using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Archive;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Archive;

public sealed class UnqueuedDeliveriesTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_MixOfQueuedUnqueuedAndLater_OnlyUnqueuedReceivedBeforeTheGivenTime()
    {
        // Arrange
        var archive = Storage.Get<IDeliveryArchive>();
        await archive.AddAsync(Delivery("shop", "queued", Start.AddMinutes(-5)));
        await archive.MarkEnqueuedAsync("shop", "queued");
        await archive.AddAsync(Delivery("shop", "stranded/1", Start.AddMinutes(-4)));
        await archive.AddAsync(Delivery("shop", "arriving", Start.AddSeconds(1)));
        await archive.AddAsync(Delivery("other", "elsewhere", Start.AddMinutes(-3)));

        // Act
        var found = new List<string>();
        await foreach (var id in Storage.Get<UnqueuedDeliveries>().ListAsync("shop", Start))
        {
            found.Add(id);
        }

        // Assert
        Assert.Equal(["stranded/1"], found);
    }

    private static ArchivedDelivery Delivery(string connection, string id, DateTimeOffset receivedAt) =>
        new(connection, "standard-webhooks", id, receivedAt, new Dictionary<string, string>(), "{}"u8.ToArray());
}
