using System.Net;
using System.Net.Sockets;
using IntegrationHub.Infrastructure.Azurite;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Integration.Tests.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteLauncherTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task EnsureStartedAsync_AzuriteAlreadyRunning_HandleDoesNotStopIt()
    {
        // Arrange
        var handle = await AzuriteLauncher.EnsureStartedAsync(azurite.ConnectionString, azurite.DataDirectory, NullLogger.Instance);

        // Act
        await handle.DisposeAsync();

        // Assert
        Assert.False(handle.OwnsProcess);
        Assert.Equal(azurite.Endpoints, handle.Endpoints);
        Assert.True(await AllAnswerAsync(azurite.Endpoints));
        await using var storage = await azurite.StartStorageAsync();
        await storage.Resources.TableAsync(StorageNames.TimelineTable);
    }

    [Fact]
    public async Task EnsureStartedAsync_NothingListening_StartsAzuriteAndDisposingStopsIt()
    {
        // Arrange
        var ports = LoopbackPorts.FindFree(3);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "integrationhub-it-" + Guid.NewGuid().ToString("N"));
        var connectionString = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]);
        try
        {
            // Act
            var handle = await AzuriteLauncher.EnsureStartedAsync(connectionString, dataDirectory, NullLogger.Instance);
            var answeredWhileRunning = await AllAnswerAsync(handle.Endpoints!);
            await handle.DisposeAsync();

            // Assert
            Assert.True(handle.OwnsProcess);
            Assert.True(answeredWhileRunning);
            Assert.False(await AnyAnswersAsync(handle.Endpoints!));
            Assert.True(Directory.Exists(dataDirectory));
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task EnsureStartedAsync_NotDevelopmentStorage_DoesNothing()
    {
        // Arrange
        const string connectionString = "DefaultEndpointsProtocol=https;AccountName=hubprod;AccountKey=a2V5;EndpointSuffix=core.windows.net";

        // Act
        await using var handle = await AzuriteLauncher.EnsureStartedAsync(connectionString, "unused", NullLogger.Instance);

        // Assert
        Assert.False(handle.OwnsProcess);
        Assert.Null(handle.Endpoints);
        Assert.False(Directory.Exists("unused"));
    }

    [Fact]
    public async Task EnsureStartedAsync_AnotherProgramHoldsOneOfThePorts_ThrowsAClearError()
    {
        // Arrange
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var free = LoopbackPorts.FindFree(2);
        var connectionString = DevelopmentStorage.ConnectionString(free[0], taken, free[1]);

        // Act
        var act = () => AzuriteLauncher.EnsureStartedAsync(connectionString, "unused", NullLogger.Instance);

        // Assert
        var error = await Assert.ThrowsAsync<InvalidOperationException>(act);
        Assert.Contains($"{taken}", error.Message, StringComparison.Ordinal);
        Assert.Contains("another program", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureStartedAsync_NodeNotOnPath_ThrowsTheInstallHint()
    {
        // Arrange
        var ports = LoopbackPorts.FindFree(3);
        var connectionString = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", Path.GetTempPath());
        try
        {
            // Act
            var act = () => AzuriteLauncher.EnsureStartedAsync(connectionString, "unused", NullLogger.Instance);

            // Assert
            var error = await Assert.ThrowsAsync<InvalidOperationException>(act);
            Assert.Equal(
                "Azurite needs Node.js 18+ and npm on PATH; install them or point AzureWebJobsStorage at a real storage account.",
                error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    private static async Task<bool> AllAnswerAsync(AzuriteEndpoints endpoints)
    {
        var answers = await Task.WhenAll(endpoints.Ports.Select(p => LoopbackPorts.AnswersAsync(endpoints.Host, p, Probe)));
        return answers.All(a => a);
    }

    private static async Task<bool> AnyAnswersAsync(AzuriteEndpoints endpoints)
    {
        var answers = await Task.WhenAll(endpoints.Ports.Select(p => LoopbackPorts.AnswersAsync(endpoints.Host, p, Probe)));
        return answers.Any(a => a);
    }
}
