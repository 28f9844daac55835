using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailchimp;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Mailchimp;

public sealed class MailchimpNormaliserTests
{
    private const string Vendor = "mailchimp";
    private const string Connection = "newsletter";
    private const string DeliveryId = "sha256-0123";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private const string FiredAt = "fired_at=2024-05-01+12%3A00%3A00";
    private static readonly DateTimeOffset OccurredAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ReceivedAt = OccurredAt.AddSeconds(4);

    private static MailchimpNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection(Dictionary<string, string>? fieldMap = null)
    {
        var connection = new ConnectionOptions { Provider = MailchimpProvider.Id, Secrets = ["token-1"] };
        foreach (var (field, tag) in fieldMap ?? [])
        {
            connection.FieldMap[field] = tag;
        }
        return connection;
    }

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, MailchimpProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    /// <summary>A form body with unencoded brackets, as many tools write it; Mailchimp percent-encodes them.</summary>
    private static string Form(string type, string data = "data[id]=8a25ff1d98&data[list_id]=a6b5da1054&data[email]=ada%40example.com") =>
        $"type={type}&{FiredAt}&{data}";

    private static NormalisedEvent NormaliseOne(string body, ConnectionOptions? connection = null, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), connection ?? CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_Subscribe_MatchesGoldenFile() => AssertGolden("subscribe.txt");

    [Fact]
    public void Normalise_Unsubscribe_MatchesGoldenFile() => AssertGolden("unsubscribe.txt");

    [Fact]
    public void Normalise_Profile_MatchesGoldenFile() => AssertGolden("profile.txt");

    [Fact]
    public void Normalise_Upemail_MatchesGoldenFile() => AssertGolden("upemail.txt");

    [Fact]
    public void Normalise_Cleaned_MatchesGoldenFile() => AssertGolden("cleaned.txt");

    [Fact]
    public void Normalise_Campaign_MatchesGoldenFile() => AssertGolden("campaign.txt");

    private static void AssertGolden(string file)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(MailchimpProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("fired_at=2024-05-01+12%3A00%3A00&data[email]=ada%40example.com")]
    [InlineData("type=&data[email]=ada%40example.com")]
    [InlineData("""{"type":"subscribe","data":{"email":"ada@example.com"}}""")]
    [InlineData("type=subscribe&fired_at=yesterday")]
    [InlineData("type=subscribe&fired_at=2024-05-01T12%3A00%3A00Z")]
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
        // Arrange: Mailchimp percent-encodes non-ASCII, but a proxy may not.
        var body = Encoding.UTF8.GetBytes(Form("subscribe", "data[merges][FNAME]=XX"));
        body[^2] = 0xC3;
        body[^1] = 0x28;

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Theory]
    [InlineData("type=subscribe&fired_at=yesterday")]
    [InlineData("data[email]=ada%40example.com")]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload(string body)
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery(body), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void ValidateAndNormalise_EmptyBody_AcceptedWithNoEvent()
    {
        // Arrange: an empty POST is how some report Mailchimp checking a URL; it carries no event to map or drop.
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(ReadOnlyMemory<byte>.Empty, CreateConnection());
        var normalised = sut.Normalise(Delivery(""), CreateConnection());

        // Assert
        Assert.Null(problem);
        Assert.Empty(normalised.Events);
        Assert.Empty(normalised.Unmapped);
    }

    [Fact]
    public void Normalise_Subscribe_IsSubscribedWithEmailConsentAndTraits()
    {
        // Arrange
        var body = Form("subscribe",
            "data[id]=8a25ff1d98&data[list_id]=a6b5da1054&data[email]=+Ada.Lovelace%40Example.COM+"
            + "&data[merges][FNAME]=+Ada+&data[merges][LNAME]=Lovelace&data[merges][PHONE]=(415)+555-2671"
            + "&data[merges][COMPANY]=Analytical+Engines&data[merges][ADDRESS][addr1]=1+Main+St"
            + "&data[merges][ADDRESS][city]=San+Francisco&data[merges][ADDRESS][state]=CA"
            + "&data[merges][ADDRESS][zip]=94105&data[merges][ADDRESS][country]=US");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(
            new PersonTraits("8a25ff1d98", OccurredAt, "ada.lovelace@example.com", "Ada", "Lovelace", "+14155552671",
                "Analytical Engines", new PostalLocation("San Francisco", "CA", "94105", "US"),
                [new ConsentStatement("email", ConsentStatuses.Subscribed)]),
            normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.Subscribed, DeliveryId, OccurredAt, Connection, MailchimpProvider.Id, DeliveryId,
                "subscribe", "Subscribed to Mailchimp audience a6b5da1054"),
            normalised.Interaction);
    }

    [Fact]
    public void Normalise_Unsubscribe_IsUnsubscribedAndSummaryNamesActionAndReason()
    {
        // Arrange
        var body = Form("unsubscribe", "data[action]=unsub&data[reason]=manual&data[id]=8a25ff1d98&data[list_id]=a6b5da1054&data[email]=ada%40example.com");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(InteractionTypes.Unsubscribed, normalised.Interaction.Type);
        Assert.Equal([new ConsentStatement("email", ConsentStatuses.Unsubscribed)], normalised.Person!.Consents);
        Assert.Equal("Unsubscribed from Mailchimp audience a6b5da1054 (action: unsub, reason: manual)", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_Profile_IsProfileUpdatedWithoutConsent()
    {
        // Act
        var normalised = NormaliseOne(Form("profile"));

        // Assert
        Assert.Equal(InteractionTypes.ProfileUpdated, normalised.Interaction.Type);
        Assert.Null(normalised.Person!.Consents);
        Assert.Equal("ada@example.com", normalised.Person.Email);
    }

    [Fact]
    public void Normalise_Upemail_UsesNewIdAndNewEmail()
    {
        // Arrange
        var body = Form("upemail", "data[list_id]=a6b5da1054&data[new_id]=51da8c3259&data[new_email]=New%40Example.com&data[old_email]=old%40example.com");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(InteractionTypes.ProfileUpdated, normalised.Interaction.Type);
        Assert.Equal("51da8c3259", normalised.Person!.SourceRecordId);
        Assert.Equal("new@example.com", normalised.Person.Email);
        Assert.DoesNotContain("example", normalised.Interaction.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hard", InteractionTypes.EmailBounced)]
    [InlineData("abuse", InteractionTypes.EmailComplained)]
    [InlineData("", InteractionTypes.EmailBounced)]
    public void Normalise_Cleaned_IsUndeliverable(string reason, string expectedType)
    {
        // Arrange
        var body = Form("cleaned", $"data[list_id]=a6b5da1054&data[campaign_id]=4fjk2ma9xd&data[reason]={reason}&data[email]=ada%40example.com");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(expectedType, normalised.Interaction.Type);
        Assert.Equal([new ConsentStatement("email", ConsentStatuses.Undeliverable)], normalised.Person!.Consents);
        Assert.Null(normalised.Person.SourceRecordId);
    }

    [Theory]
    [InlineData("campaign", "data[id]=5aa2102003&data[subject]=Spring&data[status]=sent&data[list_id]=a6b5da1054")]
    [InlineData("merge_field_updated", "data[list_id]=a6b5da1054")]
    public void Normalise_UnmappedType_IsRecordedUnmappedWithoutError(string type, string data)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Form(type, data)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(type, DeliveryId, OccurredAt), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_FieldMap_NamesOtherMergeTags()
    {
        // Arrange
        var connection = CreateConnection(new() { ["first_name"] = "GIVEN", ["phone"] = "MOBILE", ["address"] = "HOME" });
        var body = Form("profile",
            "data[id]=1&data[email]=ada%40example.com&data[merges][FNAME]=Ignored&data[merges][GIVEN]=Ada"
            + "&data[merges][MOBILE]=020+7946+0958&data[merges][HOME][city]=London");

        // Act
        var person = NormaliseOne(body, connection, region: "GB").Person!;

        // Assert
        Assert.Equal("Ada", person.FirstName);
        Assert.Equal("+442079460958", person.Phone);
        Assert.Equal(new PostalLocation("London", null, null, null), person.Location);
    }

    [Theory]
    [InlineData("data[list_id]=a6b5da1054")]
    [InlineData("data[list_id]=a6b5da1054&data[email]=not-an-email&data[merges][FNAME]=Ada")]
    public void Normalise_NoIdAndNoEmail_PersonIsNull(string data)
    {
        // Act
        var normalised = NormaliseOne(Form("profile", data));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.ProfileUpdated, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_WebIdOnly_IsTheRecordId()
    {
        // Act
        var person = NormaliseOne(Form("profile", "data[web_id]=203929&data[list_id]=a6b5da1054")).Person!;

        // Assert
        Assert.Equal("203929", person.SourceRecordId);
    }

    [Fact]
    public void Normalise_NoFiredAt_UsesReceivedAt()
    {
        // Act
        var normalised = NormaliseOne("type=subscribe&data[email]=ada%40example.com");

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
    }

    [Fact]
    public void Provider_IsMailchimp()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("mailchimp", provider);
    }
}
