using System.Text.Json.Nodes;
using IntegrationHub.Infra.Tests.Bicep;
using IntegrationHub.Infra.Tests.Settings;
using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests;

/// <summary>main.bicep sets every setting the code requires (local.settings.sample.json and host.json, mapped to
/// their Azure forms by <see cref="RequiredSettings"/>), compared by name. The doctored cases prove the check fails
/// when either side changes alone.</summary>
[Collection(InfraCollection.Name)]
public sealed class AppSettingsDriftTests(InfraBuild infra)
{
    [Fact]
    public void AppSettings_SetEverySettingTheCodeRequires()
    {
        var problems = SettingsDrift.Problems(Required(), TemplateAppSettings.Read(infra.Compiled));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void RequiredSettings_FromTheRepository_CoverTheKnownSettings()
    {
        var keys = Required().Select(r => r.Key).ToList();

        Assert.Contains("AzureWebJobsStorage", keys);
        Assert.Contains("ServiceBusConnection", keys);
        Assert.Contains("DurableTaskHubName", keys);
        Assert.Contains("Hub__MaxBodyBytes", keys);
        Assert.Contains("Hub__Connections__demo__Secrets__0", keys);
    }

    [Theory]
    [InlineData("Hub__Portal__PageSize", "50", "Hub__Portal__PageSize")]
    [InlineData("Hub__Connections__demo__PublicKeys__0", "MCowBQYDK2VwAyEA", "Hub__Connections__{0}__PublicKeys__0")]
    [InlineData("AuditConnection", "Endpoint=sb://audit.servicebus.windows.net/;SharedAccessKeyName=p;SharedAccessKey=k", "AuditConnection__fullyQualifiedNamespace")]
    [InlineData("ArchiveStorage", "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k", "ArchiveStorage__accountName")]
    public void DriftCheck_SettingAddedToTheSampleOnly_IsReported(string key, string value, string expectedName)
    {
        var sample = RepositoryFiles.ReadJson("local.settings.sample.json");
        sample["Values"]!.AsObject().Add(key, value);

        var problems = SettingsDrift.Problems(RequiredSettings.From(sample, HostJson()), TemplateAppSettings.Read(infra.Compiled));

        Assert.Contains(problems, p => p.Contains(expectedName, StringComparison.Ordinal));
    }

    [Fact]
    public void DriftCheck_PlaceholderAddedToHostJsonOnly_IsReported()
    {
        var host = HostJson();
        host["extensions"]!["durableTask"]!["hubName"] = "%DurableTaskHubName%%DurableTaskHubSuffix%";

        var problems = SettingsDrift.Problems(RequiredSettings.From(Sample(), host), TemplateAppSettings.Read(infra.Compiled));

        Assert.Contains(problems, p => p.StartsWith("DurableTaskHubSuffix", StringComparison.Ordinal));
    }

    [Fact]
    public void DriftCheck_SettingRenamedInMainBicep_IsReported()
    {
        using var copy = new InfraCopy();
        copy.Replace(Path.Combine("modules", "functionapp.bicep"), "name: 'DurableTaskHubName'", "name: 'DurableTaskHub'");

        var template = copy.Build(infra.Cli);
        var problems = SettingsDrift.Problems(Required(), TemplateAppSettings.Read(template));

        Assert.Contains("DurableTaskHubName (local.settings.sample.json, the same setting): main.bicep sets none of DurableTaskHubName", problems);
    }

    [Fact]
    public void DriftCheck_ConnectionStringFormSetInTheTemplate_IsReported()
    {
        var doctored = infra.Compiled.With(root => SettingsVariable(root, "identityConnectionSettings").Add(new JsonObject
        {
            ["name"] = "ServiceBusConnection",
            ["value"] = "Endpoint=sb://x/",
        }));

        var problems = SettingsDrift.Problems(Required(), TemplateAppSettings.Read(doctored));

        Assert.Contains(problems, p => p.EndsWith("must not set ServiceBusConnection", StringComparison.Ordinal));
    }

    private static IReadOnlyList<SettingRequirement> Required() => RequiredSettings.From(Sample(), HostJson());

    private static JsonObject Sample() => RepositoryFiles.ReadJson("local.settings.sample.json");

    private static JsonObject HostJson() => RepositoryFiles.ReadJson("host.json");

    private static JsonArray SettingsVariable(JsonObject root, string name) =>
        root["resources"]!["functionApp"]!["properties"]!["template"]!["variables"]![name]!.AsArray();
}
