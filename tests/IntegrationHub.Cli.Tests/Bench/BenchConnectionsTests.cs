using IntegrationHub.Cli.Bench;
using IntegrationHub.Cli.Match;
using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class BenchConnectionsTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Connections:bench:Provider"] = "standard-webhooks",
            ["Hub:Connections:bench:Secrets:0"] = "whsec_first",
            ["Hub:Connections:bench:Secrets:1"] = "whsec_second",
            ["Hub:Connections:shop:Provider"] = "shopify",
            ["Hub:Connections:shop:Secrets:0"] = "shpss_configured",
            ["Hub:Connections:list:Provider"] = "mailchimp",
            ["Hub:Connections:list:Secrets:0"] = "token",
            ["Hub:Connections:bare:Provider"] = "stripe",
        })
        .Build();

    [Fact]
    public void Resolve_ConfiguredConnections_ProviderAndFirstSecret()
    {
        var resolved = BenchConnections.Resolve(Configuration, ["bench", "shop"], new Dictionary<string, string>());

        Assert.Equal([new BenchConnection("bench", "standard-webhooks", "whsec_first"), new BenchConnection("shop", "shopify", "shpss_configured")], resolved);
    }

    [Fact]
    public void Resolve_SecretFlag_OverridesTheConfiguredOne()
    {
        var resolved = BenchConnections.Resolve(Configuration, ["bare"], new Dictionary<string, string> { ["bare"] = "whsec_flag" });

        Assert.Equal("whsec_flag", Assert.Single(resolved).Secret);
    }

    [Theory]
    [InlineData("missing", "not configured")]
    [InlineData("list", "mailchimp")]
    [InlineData("bare", "no secret")]
    public void Resolve_Unusable_UsageErrorWithoutSecrets(string name, string says)
    {
        var error = Assert.Throws<UsageException>(() => BenchConnections.Resolve(Configuration, [name], new Dictionary<string, string>()));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token", error.Message, StringComparison.Ordinal);
    }
}
