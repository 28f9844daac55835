using IntegrationHub.Core.Configuration;

namespace IntegrationHub.Core.Tests.Configuration;

public sealed class ConnectionSettingsValidatorTests
{
    private static ConnectionSettingsValidator CreateSut() =>
        new([new StubValidator("marketo", "Settings:TokenHeader is missing."), new StubValidator("marketo", "Settings:TimeZone is unknown.")]);

    private static HubOptions With(params (string Name, string Provider)[] connections)
    {
        var options = new HubOptions();
        foreach (var (name, provider) in connections)
        {
            options.Connections[name] = new ConnectionOptions { Provider = provider, Secrets = ["s"] };
        }
        return options;
    }

    [Fact]
    public void Validate_ProviderWithProblems_FailsWithEachProblemNamingTheConnection()
    {
        var result = CreateSut().Validate(null, With(("leads", "marketo")));

        Assert.True(result.Failed);
        Assert.Equal(
            ["Hub:Connections:leads: Settings:TokenHeader is missing.", "Hub:Connections:leads: Settings:TimeZone is unknown."],
            result.Failures);
    }

    [Fact]
    public void Validate_ProvidersWithoutValidators_Succeeds()
    {
        var result = CreateSut().Validate(null, With(("shop", "shopify"), ("nowhere", "not-a-provider")));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NoProblems_Succeeds()
    {
        var sut = new ConnectionSettingsValidator([new StubValidator("marketo")]);

        var result = sut.Validate(null, With(("leads", "marketo")));

        Assert.True(result.Succeeded);
    }

    private sealed class StubValidator(string provider, params string[] problems) : IConnectionValidator
    {
        public string Provider => provider;

        public IEnumerable<string> Problems(ConnectionOptions connection) => problems;
    }
}
