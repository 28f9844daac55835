using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Archive;

/// <summary>The archive's received-time index: what a replay pages through.</summary>
public sealed class ReceivedRangeTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset From = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddHours(1);

    [Fact]
    public async Task ListReceivedAsync_RangeOverSeveralPages_EachDeliveryInRangeOnceOldestFirst()
    {
        // Arrange: ids Azure forbids in keys, the range's edges, and a neighbouring connection.
        var archive = CreateSut();
        await AddAsync(archive, "shop", "before", From.AddTicks(-1));
        await AddAsync(archive, "shop", "evt/3#c", From.AddMinutes(30));
        await AddAsync(archive, "shop", "at-start", From);
        await AddAsync(archive, "shop", "100%25?x", From.AddMinutes(59));
        await AddAsync(archive, "shop", "a\\b", From.AddMinutes(1));
        await AddAsync(archive, "shop", "last-tick", To.AddTicks(-1));
        await AddAsync(archive, "shop", "at-end", To);
        await AddAsync(archive, "crm", "other-connection", From.AddMinutes(5));

        // Act
        var pages = await ReadAllAsync(archive, "shop", pageSize: 2);

        // Assert
        Assert.Equal(["at-start", "a\\b", "evt/3#c", "100%25?x", "last-tick"], pages.SelectMany(p => p.DeliveryIds));
        Assert.All(pages[..^1], p => Assert.Equal(2, p.DeliveryIds.Count));
        Assert.Null(pages[^1].Cursor);
    }

    [Fact]
    public async Task AddAsync_RedeliveredLater_IndexedOnceAtItsFirstReceipt()
    {
        // Arrange
        var archive = CreateSut();
        await AddAsync(archive, "shop", "msg_1", From.AddMinutes(1));

        // Act: the vendor sends it again ten minutes later.
        var outcome = await AddAsync(archive, "shop", "msg_1", From.AddMinutes(11));
        var pages = await ReadAllAsync(archive, "shop", pageSize: 10);

        // Assert
        Assert.Equal(ArchiveOutcome.ExistsNotEnqueued, outcome);
        Assert.Equal(["msg_1"], pages.SelectMany(p => p.DeliveryIds));
        Assert.Equal(From.AddMinutes(1), (await archive.GetAsync("shop", "msg_1"))!.ReceivedAt);
    }

    [Fact]
    public async Task ListReceivedAsync_LargeBodyInABlob_Indexed()
    {
        var archive = CreateSut();
        await archive.AddAsync(new ArchivedDelivery("shop", "standard-webhooks", "big", From, new Dictionary<string, string>(), new byte[100 * 1024]));

        var page = await archive.ListReceivedAsync("shop", From, To, 10, null);

        Assert.Equal(["big"], page.DeliveryIds);
    }

    [Fact]
    public async Task ListReceivedAsync_NothingInRange_EmptyLastPage()
    {
        var page = await CreateSut().ListReceivedAsync("shop", From, To, 10, null);

        Assert.Empty(page.DeliveryIds);
        Assert.Null(page.Cursor);
    }

    [Fact]
    public async Task ListReceivedAsync_ForeignCursor_ArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().ListReceivedAsync("shop", From, To, 10, "msg_1"));
    }

    private IDeliveryArchive CreateSut() => Storage.Get<IDeliveryArchive>();

    private static Task<ArchiveOutcome> AddAsync(IDeliveryArchive archive, string connection, string id, DateTimeOffset receivedAt) =>
        archive.AddAsync(new ArchivedDelivery(connection, "standard-webhooks", id, receivedAt, new Dictionary<string, string>(), new byte[] { 1 }));

    private static async Task<List<DeliveryIdPage>> ReadAllAsync(IDeliveryArchive archive, string connection, int pageSize)
    {
        var pages = new List<DeliveryIdPage>();
        string? cursor = null;
        do
        {
            var page = await archive.ListReceivedAsync(connection, From, To, pageSize, cursor);
            pages.Add(page);
            cursor = page.Cursor;
        }
        while (cursor is not null && pages.Count < 20);
        return pages;
    }
}
