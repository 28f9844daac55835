using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Segment;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Segment;

public sealed class SegmentNormaliserTests
{
    private const string Vendor = "segment";
    private const string Connection = "cdp";
    private const string DeliveryId = "sha256-5f3c";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 3, TimeSpan.Zero);
    private static readonly DateTimeOffset Timestamp = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static SegmentNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = SegmentProvider.Id, Secrets = ["segment-secret"] };

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, SegmentProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static NormalisedEvent NormaliseOne(SegmentNormaliser sut, string body)
    {
        var normalised = sut.Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    private static string Track(string eventName, string extra = "") =>
        $$"""{"type":"track","event":"{{eventName}}","userId":"u-1","messageId":"m-1","timestamp":"2024-05-01T12:00:00.000Z"{{extra}}}""";

    [Fact]
    public void Normalise_Identify_MatchesGoldenFile() => AssertGolden("identify.json");

    [Fact]
    public void Normalise_IdentifyMinimal_MatchesGoldenFile() => AssertGolden("identify.minimal.json");

    [Fact]
    public void Normalise_Track_MatchesGoldenFile() => AssertGolden("track.json");

    [Fact]
    public void Normalise_TrackMinimal_MatchesGoldenFile() => AssertGolden("track.minimal.json");

    /// <summary>The minimal spec examples carry no time and no messageId: the golden files show the documented fallbacks
    /// (arrival time, delivery id + index).</summary>
    private static void AssertGolden(string file)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(SegmentProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("\"identify\"")]
    [InlineData("42")]
    [InlineData("{}")]
    [InlineData("""{"type":""}""")]
    [InlineData("""{"type":7,"userId":"u-1"}""")]
    [InlineData("""[{"type":"track"},"identify"]""")]
    [InlineData("""[{"type":"track"},{"userId":"u-1"}]""")]
    [InlineData("""{"batch":{"type":"track"}}""")]
    [InlineData("""{"batch":[{"type":"track"},{"event":"x"}]}""")]
    public void Validate_MalformedBody_IsMalformedPayload400(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsMalformedPayload400()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(InvalidUtf8Identify(), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Theory]
    [InlineData("""{"type":"identify","userId":"u-1"}""")]
    [InlineData("""[{"type":"identify","userId":"u-1"},{"type":"page"}]""")]
    [InlineData("""{"batch":[{"type":"identify","userId":"u-1"}]}""")]
    [InlineData("[]")]
    public void Validate_MessageArrayOrBatch_ReturnsNull(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("{\"type\":")]
    [InlineData("""[{"type":"track"},{"userId":"u-1"}]""")]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var thrown = Record.Exception(() => sut.Normalise(Delivery(body), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Normalise_ArchivedInvalidUtf8_ThrowsMalformedPayload()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery("") with { Body = InvalidUtf8Identify() };

        // Act
        var thrown = Record.Exception(() => sut.Normalise(delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Normalise_Identify_IsProfileUpdateWithEveryTraitNormalised()
    {
        // Arrange
        var sut = CreateSut();
        const string body = """
            {"type":"identify","userId":"97980cfea0067","anonymousId":"507f191e810c19729de860ea","messageId":"m-7","timestamp":"2024-05-01T14:00:00+02:00",
             "traits":{"email":" Peter@Initech.COM ","firstName":" Peter ","lastName":"Gibbons","name":"ignored when first and last are sent",
                       "phone":"(415) 555-2671","company":{"name":"Initech","id":"c-1"},"address":{"city":"Austin","state":"TX","postalCode":"78701","country":"US"}}}
            """;

        // Act
        var normalised = NormaliseOne(sut, body);

        // Assert
        Assert.Equal(
            new PersonTraits("97980cfea0067", Timestamp, "peter@initech.com", "Peter", "Gibbons", "+14155552671", "Initech",
                new PostalLocation("Austin", "TX", "78701", "US")),
            normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.ProfileUpdated, "m-7", Timestamp, Connection, SegmentProvider.Id, DeliveryId, "identify",
                "Identified with traits: email, firstName, lastName, name, phone, company, address"),
            normalised.Interaction);
    }

    [Fact]
    public void Normalise_IdentifyWithFullNameOnly_SplitsFirstWordFromTheRest()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, """{"type":"identify","userId":"u-1","traits":{"name":"Mary Ann  Evans","company":"Middlemarch Ltd"}}""").Person!;

        // Assert
        Assert.Equal(("Mary", "Ann  Evans", "Middlemarch Ltd"), (person.FirstName, person.LastName, person.Company));
    }

    [Fact]
    public void Normalise_AnonymousIdOnly_PersonIsNull()
    {
        // Arrange: an anonymousId is a device cookie; the hub identifies people by email and the source's user id.
        var sut = CreateSut();

        // Act
        var normalised = NormaliseOne(sut, """{"type":"track","event":"Page Scrolled","anonymousId":"507f191e810c19729de860ea"}""");

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.Tracked, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_AnonymousIdWithEmailTrait_PersonKnownByEmailOnly()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, """{"type":"identify","anonymousId":"507f191e810c19729de860ea","traits":{"email":"anon@example.com"}}""").Person!;

        // Assert
        Assert.Null(person.SourceRecordId);
        Assert.Equal("anon@example.com", person.Email);
    }

    [Fact]
    public void Normalise_TrackWithContextTraits_ReadsPersonFromContext()
    {
        // Arrange: track events carry the user's cached traits in context.traits; properties describe the event.
        var sut = CreateSut();
        var body = Track("Course Clicked", ""","context":{"traits":{"email":"Ada@Example.com","firstName":"Ada"}},"properties":{"email":"not-the-person@example.com"}""");

        // Act
        var person = NormaliseOne(sut, body).Person!;

        // Assert
        Assert.Equal(("u-1", "ada@example.com", "Ada"), (person.SourceRecordId, person.Email, person.FirstName));
    }

    [Theory]
    [InlineData("Order Completed", InteractionTypes.OrderPlaced)]
    [InlineData("order completed", InteractionTypes.OrderPlaced)]
    [InlineData("Signed Up", InteractionTypes.ProfileCreated)]
    [InlineData("Form Submitted", InteractionTypes.FormSubmitted)]
    [InlineData("Email Delivered", InteractionTypes.EmailDelivered)]
    [InlineData("Email Opened", InteractionTypes.EmailOpened)]
    [InlineData("Email Link Clicked", InteractionTypes.EmailClicked)]
    [InlineData("Email Bounced", InteractionTypes.EmailBounced)]
    [InlineData("Email Marked as Spam", InteractionTypes.EmailComplained)]
    [InlineData("Unsubscribed", InteractionTypes.Unsubscribed)]
    [InlineData("Live Chat Conversation Started", InteractionTypes.ConversationStarted)]
    [InlineData("Course Clicked", InteractionTypes.Tracked)]
    public void Normalise_TrackByEventName_HasCanonicalTypeAndEventNameInSummary(string eventName, string expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, Track(eventName)).Interaction;

        // Assert
        Assert.Equal(
            new Interaction(expected, "m-1", Timestamp, Connection, SegmentProvider.Id, DeliveryId, "track", eventName),
            interaction);
    }

    [Fact]
    public void Normalise_TrackUnsubscribed_IsEmailUnsubscribeStatement()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Track("Unsubscribed")).Person!;

        // Assert
        Assert.Equal([new ConsentStatement("email", ConsentStatuses.Unsubscribed)], person.Consents);
    }

    [Fact]
    public void Normalise_OtherTrack_MakesNoConsentStatement()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Track("Order Completed")).Person!;

        // Assert
        Assert.Null(person.Consents);
    }

    [Theory]
    [InlineData("page")]
    [InlineData("screen")]
    [InlineData("group")]
    [InlineData("alias")]
    public void Normalise_UnmappedCall_IsRecordedAsUnmapped(string type)
    {
        // Arrange
        var sut = CreateSut();
        var body = $$"""{"type":"{{type}}","userId":"u-1","messageId":"m-9","timestamp":"2024-05-01T12:00:00Z","name":"Home"}""";

        // Act
        var normalised = sut.Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(type, "m-9", Timestamp), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_ArrayOfMessages_OneEventPerMessageInOrder()
    {
        // Arrange
        var sut = CreateSut();
        const string body = """
            [{"type":"identify","userId":"u-1","messageId":"m-1","traits":{"email":"a@example.com"}},
             {"type":"page","userId":"u-1"},
             {"type":"track","userId":"u-2","event":"Signed Up"}]
            """;

        // Act
        var normalised = sut.Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal(["m-1", $"{DeliveryId}:2"], normalised.Events.Select(e => e.Interaction.EventId));
        Assert.Equal([InteractionTypes.ProfileUpdated, InteractionTypes.ProfileCreated], normalised.Events.Select(e => e.Interaction.Type));
        Assert.Equal(new UnmappedEvent("page", $"{DeliveryId}:1", null), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_BatchObject_ReadsEveryMessage()
    {
        // Arrange
        var sut = CreateSut();
        const string body = """{"batch":[{"type":"track","userId":"u-1","event":"Email Opened"},{"type":"track","userId":"u-2","event":"Email Opened"}],"sentAt":"2024-05-01T12:00:00Z"}""";

        // Act
        var normalised = sut.Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal(["u-1", "u-2"], normalised.Events.Select(e => e.Person!.SourceRecordId));
        Assert.Equal([$"{DeliveryId}:0", $"{DeliveryId}:1"], normalised.Events.Select(e => e.Interaction.EventId));
    }

    [Fact]
    public void Normalise_NoTimestampButOriginalTimestamp_UsesOriginalTimestamp()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, """{"type":"track","event":"X","userId":"u-1","originalTimestamp":"2024-05-01T12:00:00Z","receivedAt":"2024-05-01T12:00:02Z"}""").Interaction;

        // Assert
        Assert.Equal(Timestamp, interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_NoTimeAtAll_FallsBackToArrivalTime()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = NormaliseOne(sut, """{"type":"identify","userId":"u-1"}""");

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
    }

    [Fact]
    public void Normalise_IdentifySummary_NamesTraitsNotValues()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var summary = NormaliseOne(sut, """{"type":"identify","userId":"u-1","traits":{"email":"ada@example.com","name":"Ada Lovelace"}}""").Interaction.Summary!;

        // Assert
        Assert.DoesNotContain("ada@example.com", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_IsSegment()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("segment", provider);
    }

    /// <summary>An identify whose email holds the bytes C3 28 (not UTF-8).</summary>
    private static byte[] InvalidUtf8Identify()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"type":"identify","userId":"u-1","traits":{"email":"aXX@example.com"}}""");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }
}
