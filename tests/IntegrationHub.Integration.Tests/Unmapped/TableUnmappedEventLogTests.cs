using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Unmapped;

public sealed class TableUnmappedEventLogTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordAsync_SameDeliveryTwice_CountsEachEventOnce()
    {
        // Arrange
        var log = CreateSut();
        UnmappedEvent[] events = [new("contact.privacyDeletion", "e1", At), new("form.viewed", "e2", null)];

        // Act
        await log.RecordAsync("crm", "hubspot", "d/1#", events);
        await log.RecordAsync("crm", "hubspot", "d/1#", events);
        await log.RecordAsync("forms", "typeform", "d2", [new UnmappedEvent("form.viewed", "e1", At)]);

        // Assert
        Assert.Equal(3, await log.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_MoreThanOneBatch_RecordsAll()
    {
        // Arrange
        var log = CreateSut();
        var events = Enumerable.Range(0, 250).Select(i => new UnmappedEvent("batch.event", $"e{i}", At)).ToArray();

        // Act
        await log.RecordAsync("crm", "hubspot", "big", events);

        // Assert
        Assert.Equal(250, await log.CountAsync());
    }

    [Fact]
    public async Task RecordAsync_ConcurrentRecordersOfOverlappingDeliveries_CountEachEventOnce()
    {
        // Arrange: the same deliveries recorded by several workers at once (a queue message seen twice, a replay).
        var log = CreateSut();
        var deliveries = Enumerable.Range(0, 6)
            .Select(d => (Id: $"d{d}", Events: Enumerable.Range(0, 3).Select(e => new UnmappedEvent("x.y", $"e{e}", At)).ToArray()))
            .ToList();

        // Act
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => deliveries.Select(d => log.RecordAsync("crm", "hubspot", d.Id, d.Events))));

        // Assert
        Assert.Equal(18, await log.CountAsync());
    }

    [Fact]
    public async Task CountAsync_Recorded_AnswersFromTheCounterWithoutReadingTheEvents()
    {
        // Arrange: a counter is the count; an event row it did not count would not be seen.
        var log = CreateSut();
        await log.RecordAsync("crm", "hubspot", "d1", [new UnmappedEvent("x.y", "e1", At)]);
        var table = await Storage.Resources.TableAsync(StorageNames.UnmappedTable);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("crm", "uncounted"));

        // Act
        var count = await log.CountAsync();

        // Assert
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task CountAsync_NothingRecorded_Zero()
    {
        Assert.Equal(0, await CreateSut().CountAsync());
    }

    private IUnmappedEventLog CreateSut() => Storage.Get<IUnmappedEventLog>();
}
