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

    [Fact]
    public void AddHubCore_MetaConnectionWithoutVerifyToken_FailsValidationNamingTheSetting()
    {
        using var provider = CreateSut(new() { ["Hub:Connections:leads:Provider"] = "meta", ["Hub:Connections:leads:Secrets:0"] = "app-secret" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HubOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Hub:Connections:leads: Settings:VerifyToken", StringComparison.Ordinal));
    }

    [Fact]
    public void AddHubCore_MisconfiguredMarketoConnection_FailsValidationWithEveryProblem()
    {
        using var provider = CreateSut(new()
        {
            ["Hub:Connections:mkto:Provider"] = "marketo",
            ["Hub:Connections:mkto:Secrets:0"] = "s3cret",
            ["Hub:Connections:mkto:Settings:TokenHeader"] = "X-Marketo-Token",
            ["Hub:Connections:mkto:Settings:QueryToken"] = "token",
            ["Hub:Connections:mkto:Settings:TimeZone"] = "Mars/Olympus_Mons",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HubOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("Hub:Connections:mkto: Set exactly one of", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }

    [Fact]
    public void AddHubCore_WellConfiguredMarketoAndMeta_Validates()
    {
        using var provider = CreateSut(new()
        {
            ["Hub:Connections:mkto:Provider"] = "marketo",
            ["Hub:Connections:mkto:Secrets:0"] = "s3cret",
            ["Hub:Connections:mkto:Settings:TokenHeader"] = "X-Marketo-Token",
            ["Hub:Connections:leads:Provider"] = "meta",
            ["Hub:Connections:leads:Secrets:0"] = "app-secret",
            ["Hub:Connections:leads:Settings:VerifyToken"] = "verify-me",
        });

        Assert.Equal(2, provider.GetRequiredService<IOptions<HubOptions>>().Value.Connections.Count);
    }

    [Fact]
    public void AddHubCore_ValidatingOptions_ConstructsNoConnector()
    {
        // Connectors read the options, so validation must not need one: a connector that cannot be built proves it.
        var services = CreateServices(new() { ["Hub:Connections:leads:Provider"] = "meta", ["Hub:Connections:leads:Secrets:0"] = "app-secret" });
        services.AddSingleton<IWebhookVerifier>(_ => throw new InvalidOperationException("a verifier was constructed"));
        services.AddSingleton<IEventNormaliser>(_ => throw new InvalidOperationException("a normaliser was constructed"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<HubOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("VerifyToken", StringComparison.Ordinal));
    }

    [Fact]
    public void AddHubCore_ConnectionValidators_DependOnNothing()
    {
        var validators = CreateServices([]).Where(d => d.ServiceType == typeof(IConnectionValidator)).ToList();

        Assert.NotEmpty(validators);
        Assert.All(validators, d => Assert.Contains(
            d.ImplementationType!.GetConstructors(), c => c.GetParameters().Length == 0));
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings) =>
        CreateServices(settings).BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    private static IServiceCollection CreateServices(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddHubCore();
    }
}
