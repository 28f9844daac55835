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
