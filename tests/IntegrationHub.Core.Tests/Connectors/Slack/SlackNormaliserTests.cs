using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Slack;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Slack;

public sealed class SlackNormaliserTests
{
    private const string Vendor = "slack";
    private const string Connection = "workspace";
    private const string DeliveryId = "Ev0TEAMJOIN1";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EventTime = DateTimeOffset.FromUnixTimeSeconds(1763886000);

    private static SlackNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = SlackProvider.Id, Secrets = ["signing-secret"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, SlackProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Callback(string @event, string eventTime = ",\"event_time\":1763886000") =>
        $$$"""{"token":"x","team_id":"T061EG9R6","type":"event_callback","event_id":"Ev1"{{{eventTime}}},"event":{{{@event}}}}""";

    private static string Member(string type, string user) => Callback($$"""{"type":"{{type}}","user":{{user}}}""");

    private const string Ada = """
        {"id":"U0G9QF9C6","deleted":false,"is_bot":false,"profile":{"email":" Ada.Lovelace@Example.COM ","first_name":" Ada ","last_name":"Lovelace","phone":"(415) 555-2671"}}
        """;

    private static NormalisedEvent NormaliseOne(string body, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    private static UnmappedEvent UnmappedOne(string body)
    {
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Events);
        return Assert.Single(normalised.Unmapped);
    }

    [Fact]
    public void Normalise_TeamJoin_MatchesGoldenFile() => AssertGolden("team_join.json");

    [Fact]
    public void Normalise_UserChange_MatchesGoldenFile() => AssertGolden("user_change.json");

    [Fact]
    public void Normalise_Message_MatchesGoldenFile() => AssertGolden("message.json");

    [Fact]
    public void Normalise_AppMention_MatchesGoldenFile() => AssertGolden("app_mention.json");

    [Fact]
    public void Normalise_UrlVerification_MatchesGoldenFile() => AssertGolden("url_verification.json");

    /// <summary>Slack's own slash command body (from its request-signing docs), read from the signature vectors.</summary>
    [Fact]
    public void Normalise_SignatureVector0SlashCommandBody_MatchesGoldenFile()
    {
        // Arrange
        var body = SlackVector.LoadAll()[0].Body;
        // The same connection, delivery id and arrival time as GoldenFile.Delivery gives a payload sample.
        var golden = new ArchivedDelivery("golden", SlackProvider.Id, "d-1", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));

        // Act
        var normalised = CreateSut().Normalise(golden, CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, "signature-vector-0.txt", normalised);
    }

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(SlackProvider.Id, Vendor, file), CreateConnection()));

    [Theory]
    [InlineData("team_join", InteractionTypes.ProfileCreated, "Joined the Slack workspace")]
    [InlineData("user_change", InteractionTypes.ProfileUpdated, "Slack profile changed")]
    public void Normalise_MemberEvent_IsAboutTheMember(string type, string expectedType, string expectedSummary)
    {
        // Act
        var normalised = NormaliseOne(Member(type, Ada));

        // Assert
        Assert.Equal(
            new Interaction(expectedType, "Ev1", EventTime, Connection, SlackProvider.Id, DeliveryId, type, expectedSummary),
            normalised.Interaction);
        Assert.Equal(
            new PersonTraits("U0G9QF9C6", EventTime, "ada.lovelace@example.com", "Ada", "Lovelace", "+14155552671"),
            normalised.Person);
    }

    [Theory]
    [InlineData("team_join", """{"id":"B1","is_bot":true,"profile":{}}""", "Bot user joined the Slack workspace")]
    [InlineData("user_change", """{"id":"U1","deleted":true,"profile":{}}""", "Slack account deactivated")]
    [InlineData("user_change", """{"id":"B1","is_bot":true,"profile":{}}""", "Bot user's Slack profile changed")]
    public void Normalise_BotOrDeactivatedMember_SaysSoInTheSummary(string type, string user, string expected)
    {
        // Act
        var normalised = NormaliseOne(Member(type, user));

        // Assert
        Assert.Equal(expected, normalised.Interaction.Summary);
        Assert.Equal(user.Contains("\"B1\"", StringComparison.Ordinal) ? "B1" : "U1", normalised.Person!.SourceRecordId);
        Assert.Null(normalised.Person.Email);
    }

    [Fact]
    public void Normalise_MemberWithoutEmailScope_IsKnownByIdOnly()
    {
        // Act
        var person = NormaliseOne(Member("team_join", """{"id":"U2","profile":{"first_name":"Grace","phone":""}}""")).Person!;

        // Assert
        Assert.Equal(new PersonTraits("U2", EventTime, null, "Grace", null, null), person);
    }

    [Fact]
    public void Normalise_LocalPhone_UsesDefaultRegion()
    {
        // Act
        var person = NormaliseOne(Member("user_change", """{"id":"U3","profile":{"phone":"020 7946 0958"}}"""), region: "GB").Person!;

        // Assert
        Assert.Equal("+442079460958", person.Phone);
    }

    [Theory]
    [InlineData("\"U0G9QF9C6\"")]
    [InlineData("{\"profile\":{\"email\":\"not-an-email\"}}")]
    [InlineData("{}")]
    public void Normalise_MemberEventWithoutIdentifiableUser_PersonIsNull(string user)
    {
        // Act
        var normalised = NormaliseOne(Member("user_change", user));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.ProfileUpdated, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_CallbackWithoutEventTime_UsesArrivalTime()
    {
        // Act
        var normalised = NormaliseOne(Callback($$"""{"type":"team_join","user":{{Ada}}}""", eventTime: ""));

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
    }

    [Theory]
    [InlineData("""{"type":"message","user":"U1","text":"call me on +14155552671"}""", "message")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@U2> hi"}""", "app_mention")]
    [InlineData("""{"type":"reaction_added","user":"U1"}""", "reaction_added")]
    [InlineData("""{"user":"U1"}""", SlackNormaliser.EventCallback)]
    public void Normalise_OtherEventCallback_IsUnmappedByEventType(string @event, string expectedType)
    {
        // Act
        var unmapped = UnmappedOne(Callback(@event));

        // Assert
        Assert.Equal(new UnmappedEvent(expectedType, "Ev1", EventTime), unmapped);
    }

    [Fact]
    public void Normalise_UrlVerification_IsUnmappedNotAnError()
    {
        // Act
        var unmapped = UnmappedOne("""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1a","type":"url_verification"}""");

        // Assert
        Assert.Equal(new UnmappedEvent("url_verification", DeliveryId, null), unmapped);
    }

    [Fact]
    public void Normalise_AppRateLimited_IsUnmapped()
    {
        // Act
        var unmapped = UnmappedOne("""{"token":"x","type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820,"api_app_id":"A1"}""");

        // Assert
        Assert.Equal("app_rate_limited", unmapped.SourceType);
    }

    [Theory]
    [InlineData("token=x&team_id=T1&command=%2Fweather&text=94070&trigger_id=13345224609.738474920.8088930838d88f008e0", SlackNormaliser.SlashCommandType)]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D", "block_actions")]
    [InlineData("payload=%7B%22type%22%3A", SlackNormaliser.InteractivityType)]
    [InlineData("payload=%5B%5D", SlackNormaliser.InteractivityType)]
    [InlineData("ssl_check=1&token=x", SlackNormaliser.SslCheckType)]
    [InlineData("foo=bar", SlackNormaliser.UnknownType)]
    public void Normalise_FormBody_IsUnmappedByKind(string body, string expectedType)
    {
        // Act
        var unmapped = UnmappedOne(body);

        // Assert
        Assert.Equal(new UnmappedEvent(expectedType, DeliveryId, null), unmapped);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n")]
    [InlineData("{\"type\":\"event_callback\",")]
    [InlineData("[]")]
    [InlineData("""{"event":{"type":"team_join"}}""")]
    [InlineData("""{"type":42}""")]
    [InlineData("""{"type":""}""")]
    [InlineData("command=%2Fweather&text=%C3%28")]
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
        byte[] body = [.. """{"type":"event_callback","event":{"type":"te"""u8, 0xC3, 0x28, .. "\"}}"u8];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Theory]
    [InlineData("""{"type":"url_verification","challenge":"abc"}""")]
    [InlineData("token=x&command=%2Fweather")]
    public void Validate_EventsApiOrForm_ReturnsNull(string body)
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
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("""{"event":{}}"""), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsSlack()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("slack", provider);
    }
}
