using System.CommandLine;
using IntegrationHub.Cli.Bench;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class IngestOptionsTests
{
    private readonly IngestOptions _options = new();

    [Fact]
    public void Read_TheDocumentedFlags_Settings()
    {
        var settings = Parse("--rate 100 --duration 60s --connections bench shop --url http://127.0.0.1:7171/ --people 50 --warmup 5s --freshness-sample 0.1 --max --step-factor 1.5 --raw-baseline --raw-concurrency 16 --secret shop=shpss_x --json");

        Assert.Equal(100, settings.Rate);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Duration);
        Assert.Equal(["bench", "shop"], settings.Connections);
        Assert.Equal(new Uri("http://127.0.0.1:7171/"), settings.Url);
        Assert.Equal(new IngestPlan(50, 0.1, TimeSpan.FromSeconds(30)), settings.Plan);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Warmup);
        Assert.True(settings.Max);
        Assert.True(settings.RawBaseline);
        Assert.Equal(16, settings.RawConcurrency);
        Assert.Equal("shpss_x", settings.Secrets["shop"]);
        Assert.True(settings.Json);
    }

    [Fact]
    public void Read_OnlyRequiredFlags_Defaults()
    {
        var settings = Parse("--rate 20 --duration 3s --connections bench");

        Assert.Equal(new Uri(IngestOptions.DefaultUrl), settings.Url);
        Assert.Equal(1000, settings.Plan.People);
        Assert.Equal(0.05, settings.Plan.FreshnessSample);
        Assert.Equal(TimeSpan.Zero, settings.Warmup);
        Assert.False(settings.Max);
        Assert.False(settings.RawBaseline);
        Assert.Empty(settings.Secrets);
        Assert.Equal(new SustainedCriteria(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)), settings.Criteria);
    }

    [Theory]
    [InlineData("--duration 3s --connections bench", "--rate")]
    [InlineData("--rate 20 --connections bench", "--duration")]
    [InlineData("--rate 20 --duration 3s", "--connections")]
    [InlineData("--rate 0 --duration 3s --connections bench", "--rate")]
    [InlineData("--rate 20 --duration soon --connections bench", "soon")]
    [InlineData("--rate 20 --duration 0s --connections bench", "--duration")]
    [InlineData("--rate 20 --duration 3s --connections bench --url ftp://x/", "--url")]
    [InlineData("--rate 20 --duration 3s --connections bench --freshness-sample 2", "--freshness-sample")]
    [InlineData("--rate 20 --duration 3s --connections bench --secret nosecret", "--secret")]
    [InlineData("--rate 20 --duration 3s --connections bench --step-factor 1", "--step-factor")]
    public void Parse_BadFlags_ErrorNamingTheFlag(string args, string named)
    {
        var result = _options.CreateCommand().Parse(args);

        Assert.Contains(result.Errors, e => e.Message.Contains(named, StringComparison.Ordinal));
    }

    private IngestSettings Parse(string args)
    {
        var result = _options.CreateCommand().Parse(args);
        Assert.Empty(result.Errors);
        return _options.Read(result);
    }
}
