using System.Text;
using Azure.Data.Tables;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Archive;

public sealed class TableDeliveryArchiveTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    [Fact]
    public async Task AddAsync_SmallBody_RoundTripsFromTheEntity()
    {
        // Arrange
        var archive = CreateSut();
        var delivery = Delivery("msg_small", Encoding.UTF8.GetBytes("""{"type":"contact.created"}"""));

        // Act
        var outcome = await archive.AddAsync(delivery);
        var read = await archive.GetAsync("shop", "msg_small");

        // Assert
        Assert.Equal(ArchiveOutcome.Added, outcome);
        AssertSame(delivery, read);
        var entity = await EntityAsync("shop", "msg_small");
        Assert.NotNull(entity.GetBinary("Body"));
        Assert.Null(entity.GetString("BodyBlob"));
    }

    [Fact]
    public async Task AddAsync_LargeBody_StoresItInABlobAndRoundTrips()
    {
        // Arrange
        var archive = CreateSut();
        var body = new byte[200 * 1024];
        new Random(42).NextBytes(body);
        var delivery = Delivery("msg_large", body);

        // Act
        var outcome = await archive.AddAsync(delivery);
        var read = await archive.GetAsync("shop", "msg_large");

        // Assert
        Assert.Equal(ArchiveOutcome.Added, outcome);
        AssertSame(delivery, read);
        var entity = await EntityAsync("shop", "msg_large");
        Assert.Null(entity.GetBinary("Body"));
        Assert.Equal("shop/msg_large", entity.GetString("BodyBlob"));
        var container = await Storage.Resources.ContainerAsync(StorageNames.DeliveriesContainer);
        Assert.True(await container.GetBlobClient("shop/msg_large").ExistsAsync());
    }

    [Fact]
    public async Task AddAsync_EmptyBody_RoundTrips()
    {
        // Arrange
        var archive = CreateSut();
        var delivery = Delivery("msg_empty", []);

        // Act
        await archive.AddAsync(delivery);
        var read = await archive.GetAsync("shop", "msg_empty");

        // Assert
        AssertSame(delivery, read);
    }

    [Fact]
    public async Task AddAsync_Twice_ReportsExistsNotEnqueuedThenExistsEnqueuedAfterMarking()
    {
        // Arrange
        var archive = CreateSut();
        var delivery = Delivery("msg_dup", [1, 2, 3]);
        await archive.AddAsync(delivery);

        // Act
        var beforeMarking = await archive.AddAsync(delivery);
        await archive.MarkEnqueuedAsync("shop", "msg_dup");
        var afterMarking = await archive.AddAsync(delivery);

        // Assert
        Assert.Equal(ArchiveOutcome.ExistsNotEnqueued, beforeMarking);
        Assert.Equal(ArchiveOutcome.ExistsEnqueued, afterMarking);
    }

    [Fact]
    public async Task AddAsync_SameIdWithAnotherBody_KeepsTheFirstDelivery()
    {
        // Arrange
        var archive = CreateSut();
        var first = Delivery("msg_same", [1]);
        await archive.AddAsync(first);

        // Act
        var outcome = await archive.AddAsync(Delivery("msg_same", [2]));
        var read = await archive.GetAsync("shop", "msg_same");

        // Assert
        Assert.Equal(ArchiveOutcome.ExistsNotEnqueued, outcome);
        AssertSame(first, read);
    }

    [Theory]
    [InlineData("evt/2025/03#1")]
    [InlineData("a\\b?c#d/e")]
    [InlineData("100%25/ok")]
    [InlineData("tab\there\nnewline\u007f")]
    [InlineData("ünïcødé/✓#")]
    public async Task GetAsync_IdWithCharactersAzureForbidsInKeys_RoundTrips(string deliveryId)
    {
        // Arrange
        var archive = CreateSut();
        var small = Delivery(deliveryId, [7, 8, 9]);
        var large = Delivery(deliveryId, new byte[64 * 1024]) with { Connection = "other" };

        // Act
        var outcomes = new[] { await archive.AddAsync(small), await archive.AddAsync(large) };
        await archive.MarkEnqueuedAsync("shop", deliveryId);

        // Assert
        Assert.All(outcomes, o => Assert.Equal(ArchiveOutcome.Added, o));
        AssertSame(small, await archive.GetAsync("shop", deliveryId));
        AssertSame(large, await archive.GetAsync("other", deliveryId));
        Assert.Equal(ArchiveOutcome.ExistsEnqueued, await archive.AddAsync(small));
    }

    [Fact]
    public async Task GetAsync_UnknownDelivery_ReturnsNull()
    {
        // Arrange
        var archive = CreateSut();

        // Act
        var read = await archive.GetAsync("shop", "never-archived");

        // Assert
        Assert.Null(read);
    }

    [Fact]
    public async Task MarkEnqueuedAsync_UnknownDelivery_ThrowsDeliveryNotFound()
    {
        // Arrange
        var archive = CreateSut();

        // Act
        var act = () => archive.MarkEnqueuedAsync("shop", "never-archived");

        // Assert
        await Assert.ThrowsAsync<DeliveryNotFoundException>(act);
    }

    [Fact]
    public async Task AddAsync_HeadersOverTheStringPropertyLimit_ThrowsAndWritesNothing()
    {
        // Arrange
        var archive = CreateSut();
        var delivery = Delivery("msg_headers", [1]) with
        {
            Headers = new Dictionary<string, string> { ["x-huge"] = new string('h', 40_000) },
        };

        // Act
        var act = () => archive.AddAsync(delivery);

        // Assert
        await Assert.ThrowsAsync<StorageLimitExceededException>(act);
        Assert.Null(await archive.GetAsync("shop", "msg_headers"));
    }

    private IDeliveryArchive CreateSut() => Storage.Get<IDeliveryArchive>();

    private static ArchivedDelivery Delivery(string id, byte[] body) => new(
        "shop",
        "standard-webhooks",
        id,
        ReceivedAt,
        new Dictionary<string, string> { ["webhook-id"] = id, ["Content-Type"] = "application/json" },
        body);

    private static void AssertSame(ArchivedDelivery expected, ArchivedDelivery? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Connection, actual.Connection);
        Assert.Equal(expected.Provider, actual.Provider);
        Assert.Equal(expected.DeliveryId, actual.DeliveryId);
        Assert.Equal(expected.ReceivedAt, actual.ReceivedAt);
        Assert.Equal(expected.Headers.OrderBy(h => h.Key), actual.Headers.OrderBy(h => h.Key));
        Assert.Equal("application/json", actual.Headers["content-type"]);
        Assert.Equal(expected.Body.ToArray(), actual.Body.ToArray());
    }

    private async Task<TableEntity> EntityAsync(string connection, string deliveryId)
    {
        var table = await Storage.Resources.TableAsync(StorageNames.DeliveriesTable);
        return (await table.GetEntityAsync<TableEntity>(connection, deliveryId)).Value;
    }
}
