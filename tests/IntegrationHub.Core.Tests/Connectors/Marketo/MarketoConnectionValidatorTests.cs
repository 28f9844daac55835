using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Marketo;

namespace IntegrationHub.Core.Tests.Connectors.Marketo;

public sealed class MarketoConnectionValidatorTests
{
    private static ConnectionOptions Connection(Dictionary<string, string> settings) =>
        new() { Provider = MarketoProvider.Id, Secrets = ["s3cret"], Settings = new(settings, StringComparer.OrdinalIgnoreCase) };

    [Fact]
    public void Problems_HeaderTokenAndGoodTemplate_None()
    {
        var connection = Connection(new() { ["TokenHeader"] = "X-Marketo-Token", ["TimeZone"] = "America/Chicago" });

        Assert.Empty(new MarketoConnectionValidator().Problems(connection));
    }

    [Fact]
    public void Problems_NoPlaceForTheTokenAndAnUnknownZone_ReportsBoth()
    {
        var connection = Connection(new() { ["TimeZone"] = "Mars/Olympus_Mons" });

        var problems = new MarketoConnectionValidator().Problems(connection).ToList();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("Settings:TokenHeader", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
    }
}
