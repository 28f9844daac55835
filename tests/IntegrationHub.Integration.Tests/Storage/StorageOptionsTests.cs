using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Integration.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Integration.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Theory]
    [InlineData("Has-Upper")]
    [InlineData("1startswithdigit")]
    [InlineData("with-dash")]
    public async Task AddHubStorage_InvalidPrefix_FailsTheHostsStart(string prefix)
    {
        // Act
        var act = () => StorageHost.StartAsync("UseDevelopmentStorage=true", prefix);

        // Assert
        var error = await Assert.ThrowsAsync<OptionsValidationException>(act);
        Assert.Contains("Prefix", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHubStorage_NoConnection_FailsTheHostsStart()
    {
        // Act
        var act = () => StorageHost.StartAsync(null, "");

        // Assert
        var error = await Assert.ThrowsAsync<OptionsValidationException>(act);
        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddHubStorage_AccountNameOnly_UsesTheAccountsIdentityEndpoints()
    {
        // Arrange
        await using var host = await StorageHost.StartAsync(
            null, "hub", new Dictionary<string, string?> { ["AzureWebJobsStorage:accountName"] = "hubprod" });

        // Act
        var resources = host.Resources;

        // Assert
        Assert.Equal(new Uri("https://hubprod.table.core.windows.net/"), resources.Tables.Uri);
        Assert.Equal(new Uri("https://hubprod.blob.core.windows.net/"), resources.Blobs.Uri);
        Assert.Equal(new Uri("https://hubprod.queue.core.windows.net/"), resources.Queues.Uri);
        Assert.Equal("hubdeliveries-poison", resources.NameOf(StorageNames.PoisonQueue));
    }
}
