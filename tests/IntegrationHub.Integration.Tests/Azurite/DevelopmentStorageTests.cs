using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.Integration.Tests.Azurite;

public sealed class DevelopmentStorageTests
{
    [Fact]
    public void TryParse_UseDevelopmentStorage_MeansTheDefaultPorts()
    {
        // Act
        var recognised = DevelopmentStorage.TryParse("UseDevelopmentStorage=true", out var endpoints);

        // Assert
        Assert.True(recognised);
        Assert.Equal(new AzuriteEndpoints("127.0.0.1", 10000, 10001, 10002), endpoints);
    }

    [Fact]
    public void TryParse_ExplicitConnectionString_ReadsEachServicesPort()
    {
        // Arrange
        var connectionString = DevelopmentStorage.ConnectionString(41000, 41001, 41002);

        // Act
        var recognised = DevelopmentStorage.TryParse(connectionString, out var endpoints);

        // Assert
        Assert.True(recognised);
        Assert.Equal(new AzuriteEndpoints("127.0.0.1", 41000, 41001, 41002), endpoints);
    }

    [Fact]
    public void TryParse_LocalhostEndpoints_AreDevelopmentStorage()
    {
        // Arrange
        var connectionString = "AccountName=devstoreaccount1;AccountKey=x==;DefaultEndpointsProtocol=http;"
            + "BlobEndpoint=http://localhost:20000/devstoreaccount1;QueueEndpoint=http://localhost:20001/devstoreaccount1;"
            + "TableEndpoint=http://localhost:20002/devstoreaccount1";

        // Act
        var recognised = DevelopmentStorage.TryParse(connectionString, out var endpoints);

        // Assert
        Assert.True(recognised);
        Assert.Equal(new AzuriteEndpoints("localhost", 20000, 20001, 20002), endpoints);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UseDevelopmentStorage=false")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=hubprod;AccountKey=a2V5;EndpointSuffix=core.windows.net")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=x;BlobEndpoint=http://10.0.0.5:10000/devstoreaccount1;QueueEndpoint=http://10.0.0.5:10001/devstoreaccount1;TableEndpoint=http://10.0.0.5:10002/devstoreaccount1")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=x;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1")]
    public void TryParse_OtherConnections_AreNotDevelopmentStorage(string? connectionString)
    {
        // Act
        var recognised = DevelopmentStorage.TryParse(connectionString, out _);

        // Assert
        Assert.False(recognised);
    }

    [Fact]
    public void FindFree_ThreePorts_ReturnsDistinctPortsNothingAnswersOn()
    {
        // Act
        var ports = LoopbackPorts.FindFree(3);

        // Assert
        Assert.Equal(3, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 1024, 65535));
    }
}
