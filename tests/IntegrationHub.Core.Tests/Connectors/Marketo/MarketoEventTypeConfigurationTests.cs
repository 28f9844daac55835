using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Marketo;

/// <summary><c>Settings:EventType:{type}</c> holds the configuration path separator, so every source writes it as a
/// nested section; bound through a real <see cref="ConfigurationBuilder"/> and <c>AddHubCore</c>, it must still reach the
/// connection as the <c>EventType:{type}</c> setting the normaliser reads.</summary>
public sealed class MarketoEventTypeConfigurationTests
{
    private const string Connection = "marketing";

    [Fact]
    public void Bind_JsonWithColonKeys_AsTheReadmeShows_MapsTheEventTypes()
    {
        var configuration = Json("""
            { "Hub": { "Connections": { "marketing": {
              "Provider": "marketo", "Secrets": ["s3cret"], "Settings": {
                "TokenHeader": "X-Marketo-Token", "TimeZone": "America/Chicago",
                "EventType:Webinar Registered": "form.submitted", "EventType:*": "profile.updated" } } } } }
            """);

        var connection = Bind(configuration);

        Assert.Equal(InteractionTypes.FormSubmitted, connection.Settings["EventType:Webinar Registered"]);
        Assert.Equal("X-Marketo-Token", connection.Settings[MarketoProvider.TokenHeaderSetting]);
        Assert.Equal(InteractionTypes.FormSubmitted, MappedType(connection, "Webinar Registered"));
        Assert.Equal(InteractionTypes.ProfileUpdated, MappedType(connection, "Anything Else"));
    }

    [Fact]
    public void Bind_JsonWithNestedObjects_MapsTheEventTypes()
    {
        var configuration = Json("""
            { "Hub": { "Connections": { "marketing": {
              "Provider": "marketo", "Secrets": ["s3cret"],
              "Settings": { "TokenHeader": "X-Marketo-Token", "EventType": { "Webinar Registered": "form.submitted" } } } } } }
            """);

        Assert.Equal(InteractionTypes.FormSubmitted, MappedType(Bind(configuration), "Webinar Registered"));
    }

    [Fact]
    public void Bind_EnvironmentVariables_WithDoubleUnderscoresOrColons_MapsTheEventTypes()
    {
        // A local.settings.json "Values" entry reaches the Functions host as just such an environment variable.
        var prefix = $"IHTEST_{Guid.NewGuid():N}_";
        var variables = new Dictionary<string, string>
        {
            ["Hub__Connections__marketing__Provider"] = "marketo",
            ["Hub__Connections__marketing__Secrets__0"] = "s3cret",
            ["Hub__Connections__marketing__Settings__TokenHeader"] = "X-Marketo-Token",
            ["Hub__Connections__marketing__Settings__EventType__lead_converted"] = "lead.created",
            ["Hub:Connections:marketing:Settings:EventType:Webinar Registered"] = "form.submitted",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, value);
            }
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var connection = Bind(configuration);

            Assert.Equal(InteractionTypes.LeadCreated, MappedType(connection, "lead_converted"));
            Assert.Equal(InteractionTypes.FormSubmitted, MappedType(connection, "Webinar Registered"));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public void Bind_InMemoryKeys_MapsTheEventTypesWithoutDisturbingOtherSettings()
    {
        var configuration = InMemory(new()
        {
            ["Hub:Connections:marketing:Settings:EventType:Lead Scored"] = "profile.updated",
            ["Hub:Connections:other:Provider"] = "marketo",
            ["Hub:Connections:other:Secrets:0"] = "s3cret",
            ["Hub:Connections:other:Settings:QueryToken"] = "token",
        });

        var hub = BindHub(configuration);

        Assert.Equal(InteractionTypes.ProfileUpdated, MappedType(hub.Connections[Connection], "Lead Scored"));
        Assert.Equal(["QueryToken"], hub.Connections["other"].Settings.Keys);
    }

    [Fact]
    public void Bind_EventTypeNamingNoCanonicalType_FailsOnStartNamingTheSetting()
    {
        var configuration = InMemory(new() { ["Hub:Connections:marketing:Settings:EventType:Lead Scored"] = "lead.scored" });

        var failure = Assert.Throws<OptionsValidationException>(() => BindHub(configuration));

        Assert.Contains(failure.Failures, f => f.StartsWith("Hub:Connections:marketing: Settings:EventType:Lead Scored 'lead.scored'", StringComparison.Ordinal));
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>A well-configured connection plus <paramref name="settings"/>.</summary>
    private static IConfiguration InMemory(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Hub:Connections:marketing:Provider"] = "marketo",
                ["Hub:Connections:marketing:Secrets:0"] = "s3cret",
                ["Hub:Connections:marketing:Settings:TokenHeader"] = "X-Marketo-Token",
            })
            .AddInMemoryCollection(settings)
            .Build();

    private static ConnectionOptions Bind(IConfiguration configuration) => BindHub(configuration).Connections[Connection];

    private static HubOptions BindHub(IConfiguration configuration)
    {
        using var provider = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddHubCore()
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<HubOptions>>().Value;
    }

    /// <summary>The canonical type a Marketo delivery named <paramref name="name"/> normalises to; null when unmapped.</summary>
    private static string? MappedType(ConnectionOptions connection, string name)
    {
        var body = $$"""{"name":"{{name}}","lead":{"id":1001,"email_address":"ada@example.com"},"datetime":"2018-03-07 14:28:16"}""";
        var delivery = new ArchivedDelivery(
            Connection, MarketoProvider.Id, "sha256-feed", DateTimeOffset.UnixEpoch, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
        var normalised = new MarketoNormaliser(Options.Create(new HubOptions())).Normalise(delivery, connection);
        return normalised.Events.SingleOrDefault()?.Interaction.Type;
    }
}
