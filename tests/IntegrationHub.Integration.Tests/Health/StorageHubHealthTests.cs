using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Azurite;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;

namespace IntegrationHub.Integration.Tests.Health;

public sealed class StorageHubHealthTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task CheckAsync_StorageAnswers_ReportsHealthyWithTheQueueDepth()
    {
        // Arrange
        var health = Storage.Get<IHubHealth>();
        var queue = Storage.Get<IDeliveryQueue>();
        await queue.EnqueueAsync(new DeliveryMessage("shop", "a"));
        await queue.EnqueueAsync(new DeliveryMessage("shop", "b"));

        // Act
        var report = await health.CheckAsync();

        // Assert
        Assert.True(report.IsHealthy);
        Assert.Equal("ok", report.Checks["storage"]);
        Assert.Equal(2, report.QueueDepth);
        Assert.InRange(report.OldestMessageAgeSeconds!.Value, 0, 60);
        Assert.Equal(0, report.DeadLetters);
        Assert.Equal(0, report.UnmappedEvents);
    }

    [Fact]
    public async Task CheckAsync_EmptyQueueAndADeadLetter_AgeZeroAndOneDeadLetter()
    {
        // Arrange
        var health = Storage.Get<IHubHealth>();
        await Storage.Get<IDeliveryQueue>().EnqueueAsync(new DeliveryMessage("shop", "poison"));
        var consumer = Storage.Get<IntegrationHub.Infrastructure.Queues.StorageQueueConsumer>();
        var received = Assert.Single(await consumer.ReceiveAsync(1, TimeSpan.FromSeconds(30)));
        await consumer.DeadLetterAsync(received, "Test", "set aside by the test");

        // Act
        var report = await health.CheckAsync();

        // Assert
        Assert.Equal(0, report.OldestMessageAgeSeconds);
        Assert.Equal(1, report.DeadLetters);
    }

    [Fact]
    public async Task CheckAsync_NothingListening_ReportsUnhealthyWithoutThrowing()
    {
        // Arrange
        var ports = LoopbackPorts.FindFree(3);
        await using var unreachable = await StorageHost.StartAsync(
            DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]),
            StorageHost.UniquePrefix(),
            new Dictionary<string, string?> { [$"{StorageOptions.SectionName}:HealthCheckTimeout"] = "00:00:02" });
        var health = unreachable.Get<IHubHealth>();

        // Act
        var report = await health.CheckAsync();

        // Assert
        Assert.False(report.IsHealthy);
        Assert.StartsWith("error: ", report.Checks["storage"], StringComparison.Ordinal);
        Assert.Null(report.QueueDepth);
    }
}
