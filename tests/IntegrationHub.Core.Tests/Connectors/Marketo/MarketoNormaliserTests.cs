using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Marketo;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Marketo;

public sealed class MarketoNormaliserTests
{
    private const string Vendor = "marketo";
    private const string Connection = "marketing";
    private const string DeliveryId = "sha256-feed";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset OccurredAt = new(2018, 3, 7, 14, 28, 16, TimeSpan.Zero);
    private static readonly DateTimeOffset ReceivedAt = new(2018, 3, 7, 14, 28, 20, TimeSpan.Zero);

    private static MarketoNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection(Dictionary<string, string>? settings = null, Dictionary<string, string>? fieldMap = null)
    {
        var connection = new ConnectionOptions { Provider = MarketoProvider.Id, Secrets = ["s3cret"] };
        connection.Settings[MarketoProvider.TokenHeaderSetting] = "X-Marketo-Token";
        foreach (var (key, value) in settings ?? [])
        {
            connection.Settings[key] = value;
        }
        foreach (var (field, path) in fieldMap ?? [])
        {
            connection.FieldMap[field] = path;
        }
        return connection;
    }

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, MarketoProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    /// <summary>A template in the shape the defaults expect.</summary>
    private static string Template(string name = "Lead Created", string lead = """{"id":1001,"email_address":"ada@example.com"}""", string datetime = "2018-03-07 14:28:16") =>
        $$"""{"name":"{{name}}","lead":{{lead}},"company":{"name":"Analytical Engines"},"campaign":{"id":987,"name":"triggered event"},"datetime":"{{datetime}}"}""";

    private static NormalisedEvent NormaliseOne(string body, ConnectionOptions? connection = null, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), connection ?? CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_WebhookSnowplowSpec_MatchesGoldenFile()
    {
        // Arrange: the sample's webhook is named "webhook for A", which needs an EventType setting to be mapped.
        var file = "webhook.snowplow_spec.json";
        var connection = CreateConnection(new() { ["EventType:webhook for A"] = InteractionTypes.ProfileUpdated });

        // Act
        var normalised = CreateSut().Normalise(GoldenFile.Delivery(MarketoProvider.Id, Vendor, file), connection);

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"Lead Created\"")]
    [InlineData("""{"name":"Lead Created","datetime":"not a time"}""")]
    public void Validate_MalformedBody_IsMalformedPayload400(string body)
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsMalformedPayload400()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes(Template(name: "XX"));
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28;

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"name":"x","datetime":""}""")]
    public void Validate_ReadableObject_ReturnsNull(string body)
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload()
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("[1]"), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Theory]
    [InlineData("Lead Created", InteractionTypes.LeadCreated)]
    [InlineData("lead.created", InteractionTypes.LeadCreated)]
    [InlineData("lead_created", InteractionTypes.LeadCreated)]
    [InlineData("Lead Updated", InteractionTypes.ProfileUpdated)]
    [InlineData("form.submitted", InteractionTypes.FormSubmitted)]
    public void Normalise_DefaultEventType_IsMapped(string name, string expected)
    {
        // Act
        var normalised = NormaliseOne(Template(name));

        // Assert
        Assert.Equal(expected, normalised.Interaction.Type);
        Assert.Equal(name, normalised.Interaction.SourceType);
    }

    [Fact]
    public void Normalise_FullTemplate_ReadsEveryTraitNormalised()
    {
        // Arrange
        var lead = """{"id":1001,"email_address":" Ada@Example.COM ","first_name":" Ada ","last_name":"Lovelace","phone_number":"(415) 555-2671","city":"San Francisco","state":"CA","postal_code":"94105","country":"US"}""";

        // Act
        var normalised = NormaliseOne(Template(lead: lead));

        // Assert
        Assert.Equal(
            new PersonTraits("1001", OccurredAt, "ada@example.com", "Ada", "Lovelace", "+14155552671", "Analytical Engines",
                new PostalLocation("San Francisco", "CA", "94105", "US")),
            normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.LeadCreated, DeliveryId, OccurredAt, Connection, MarketoProvider.Id, DeliveryId,
                "Lead Created", "Marketo webhook 'Lead Created'"),
            normalised.Interaction);
    }

    [Fact]
    public void Normalise_FieldMap_ReadsTheCustomersTemplate()
    {
        // Arrange
        var connection = CreateConnection(
            new() { ["EventType:Webinar Registered"] = InteractionTypes.FormSubmitted },
            new() { ["id"] = "leadId", ["email"] = "contact.email", ["event_type"] = "trigger", ["event_id"] = "activityId", ["occurred_at"] = "when" });
        var body = """{"leadId":"77","contact":{"email":"grace@example.com"},"trigger":"Webinar Registered","activityId":"a-1","when":"2024-05-01T12:00:00Z"}""";

        // Act
        var normalised = NormaliseOne(body, connection);

        // Assert
        Assert.Equal("77", normalised.Person!.SourceRecordId);
        Assert.Equal("grace@example.com", normalised.Person.Email);
        Assert.Equal(InteractionTypes.FormSubmitted, normalised.Interaction.Type);
        Assert.Equal("a-1", normalised.Interaction.EventId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), normalised.Interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_EventTypeSettingKey_IgnoresCase()
    {
        // Arrange
        var connection = CreateConnection(new() { ["eventtype:WEBHOOK FOR A"] = InteractionTypes.FormSubmitted });

        // Act
        var normalised = NormaliseOne(Template("webhook for A"), connection);

        // Assert
        Assert.Equal(InteractionTypes.FormSubmitted, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_WildcardEventTypeSetting_MapsEveryOtherType()
    {
        // Arrange
        var connection = CreateConnection(new() { ["EventType:*"] = InteractionTypes.ProfileUpdated });

        // Act
        var normalised = NormaliseOne(Template("Anything at all"), connection);

        // Assert
        Assert.Equal(InteractionTypes.ProfileUpdated, normalised.Interaction.Type);
    }

    [Theory]
    [InlineData("webhook for A", null)]
    [InlineData("webhook for A", "not.a.canonical.type")]
    public void Normalise_UnmappedType_IsRecordedUnmappedWithoutError(string name, string? setting)
    {
        // Arrange
        var connection = CreateConnection(setting is null ? null : new() { [$"EventType:{name}"] = setting });

        // Act
        var normalised = CreateSut().Normalise(Delivery(Template(name)), connection);

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(name, DeliveryId, OccurredAt), Assert.Single(normalised.Unmapped));
    }

    [Theory]
    [InlineData("America/Chicago", "2018-03-07 14:28:16", "2018-03-07T20:28:16Z")]
    [InlineData("Europe/Berlin", "2018-07-07 14:28:16", "2018-07-07T12:28:16Z")]
    [InlineData("America/Chicago", "2018-03-07T14:28:16+01:00", "2018-03-07T13:28:16Z")]
    [InlineData("", "2018-03-07 14:28:16", "2018-03-07T14:28:16Z")]
    public void Normalise_ZonelessTime_IsReadInTheConfiguredZone(string zone, string datetime, string expected)
    {
        // Arrange
        var connection = CreateConnection(new() { ["TimeZone"] = zone });

        // Act
        var normalised = NormaliseOne(Template(datetime: datetime), connection);

        // Assert
        var utc = DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(utc, normalised.Interaction.OccurredAt);
        Assert.Equal(TimeSpan.Zero, normalised.Interaction.OccurredAt.Offset);
    }

    [Fact]
    public void Normalise_NoTime_UsesReceivedAt()
    {
        // Act
        var normalised = NormaliseOne(Template(datetime: ""));

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
    }

    [Theory]
    [InlineData("""{"first_name":"the hulk"}""")]
    [InlineData("""{"email_address":"not-an-email","first_name":"the hulk"}""")]
    public void Normalise_NoIdAndNoEmail_PersonIsNull(string lead)
    {
        // Act
        var normalised = NormaliseOne(Template(lead: lead));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.LeadCreated, normalised.Interaction.Type);
    }

    [Fact]
    public void ConfigurationProblem_GoodSettings_IsNull()
    {
        // Arrange
        var connection = CreateConnection(new() { ["TimeZone"] = "America/Chicago", ["EventType:*"] = InteractionTypes.LeadCreated });

        // Act
        var problem = MarketoNormaliser.ConfigurationProblem(connection);

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("TimeZone", "Mars/Olympus_Mons")]
    [InlineData("EventType:Lead Created", "lead.create")]
    public void ConfigurationProblem_BadSetting_NamesIt(string key, string value)
    {
        // Arrange
        var connection = CreateConnection(new() { [key] = value });

        // Act
        var problem = MarketoNormaliser.ConfigurationProblem(connection);

        // Assert
        Assert.NotNull(problem);
        Assert.Contains(value, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_IsMarketo()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("marketo", provider);
    }
}
