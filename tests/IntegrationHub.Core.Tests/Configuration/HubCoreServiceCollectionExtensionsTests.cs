using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Configuration;

public sealed class HubCoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddHubCore_ValidConfiguration_OptionsAndConnectorsResolveWithoutACycle()
    {
        using var provider = CreateSut(new() { ["Hub:Connections:shop:Provider"] = "standard-webhooks", ["Hub:Connections:shop:Secrets:0"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });

        // Validation needs the provider ids and the connectors need the options: resolving both must not deadlock.
        var resolve = Task.Run(() => (provider.GetRequiredService<IOptionsMonitor<HubOptions>>().CurrentValue, provider.GetRequiredService<ConnectorCatalog>()));
        var finished = await Task.WhenAny(resolve, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(resolve, finished);
        var (options, catalog) = await resolve;
        Assert.Equal("standard-webhooks", options.Connections["SHOP"].Provider);
        Assert.Contains("standard-webhooks", catalog.Providers);
    }

    [Fact]
    public void AddHubCore_UnknownProvider_FailsValidationNamingTheConnection()
    {
        using var provider = CreateSut(new() { ["Hub:Connections:shop:Provider"] = "nope", ["Hub:Connections:shop:Secrets:0"] = "s" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HubOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Hub:Connections:shop:Provider", StringComparison.Ordinal));
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddHubCore()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
