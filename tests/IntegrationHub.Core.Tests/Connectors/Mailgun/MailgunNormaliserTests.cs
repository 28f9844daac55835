using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Mailgun;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Mailgun;

public sealed class MailgunNormaliserTests
{
    private const string Vendor = "mailgun";
    private const string Connection = "mail";
    private const string DeliveryId = "5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private const string Signature = """{"timestamp":"1763888400","token":"t","signature":"s"}""";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static MailgunNormaliser CreateSut() => new();

    private static ConnectionOptions CreateConnection() => new() { Provider = MailgunProvider.Id, Secrets = ["key-1"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, MailgunProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Body(string type, string extra = "", string recipient = "ada@example.com", string timestamp = "1763888400.5") =>
        $$$"""{"signature":{{{Signature}}},"event-data":{"event":"{{{type}}}","id":"ev-1","timestamp":{{{timestamp}}},"recipient":"{{{recipient}}}"{{{extra}}}}}""";

    private static NormalisedEvent NormaliseOne(string body)
    {
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_Accepted_MatchesGoldenFile() => AssertGolden("accepted.json");

    [Fact]
    public void Normalise_Delivered_MatchesGoldenFile() => AssertGolden("delivered.json");

    [Fact]
    public void Normalise_Opened_MatchesGoldenFile() => AssertGolden("opened.json");

    [Fact]
    public void Normalise_Clicked_MatchesGoldenFile() => AssertGolden("clicked.json");

    [Fact]
    public void Normalise_FailedPermanent_MatchesGoldenFile() => AssertGolden("failed_permanent.json");

    [Fact]
    public void Normalise_FailedTemporary_MatchesGoldenFile() => AssertGolden("failed_temporary.json");

    [Fact]
    public void Normalise_Unsubscribed_MatchesGoldenFile() => AssertGolden("unsubscribed.json");

    [Fact]
    public void Normalise_Complained_MatchesGoldenFile() => AssertGolden("complained.json");

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(MailgunProvider.Id, Vendor, file), CreateConnection()));

    [Theory]
    [InlineData("delivered", "", InteractionTypes.EmailDelivered, "Email delivered")]
    [InlineData("opened", "", InteractionTypes.EmailOpened, "Email opened")]
    [InlineData("clicked", ""","url":"https://example.com/?e=ada%40example.com" """, InteractionTypes.EmailClicked, "Email link clicked")]
    [InlineData("failed", ""","severity":"permanent" """, InteractionTypes.EmailBounced, "Email failed permanently")]
    [InlineData("unsubscribed", "", InteractionTypes.Unsubscribed, "Unsubscribed")]
    [InlineData("complained", "", InteractionTypes.EmailComplained, "Email marked as spam")]
    public void Normalise_MappedType_GivesCanonicalInteraction(string type, string extra, string expectedType, string expectedSummary)
    {
        // Arrange
        var at = new DateTimeOffset(2025, 11, 23, 9, 0, 0, 500, TimeSpan.Zero);

        // Act
        var normalised = NormaliseOne(Body(type, extra, recipient: " Ada@Example.COM "));

        // Assert
        Assert.Equal(new Interaction(expectedType, "ev-1", at, Connection, MailgunProvider.Id, DeliveryId, type, expectedSummary), normalised.Interaction);
        Assert.Equal("ada@example.com", normalised.Person!.Email);
        Assert.Null(normalised.Person.SourceRecordId);
        Assert.Equal(at, normalised.Person.EventTime);
    }

    [Theory]
    [InlineData("accepted", "")]
    [InlineData("rejected", "")]
    [InlineData("stored", "")]
    [InlineData("failed", ""","severity":"temporary" """)]
    [InlineData("failed", "")]
    public void Normalise_UnmappedEvent_IsRecordedUnmappedWithoutError(string type, string extra)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Body(type, extra)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(
            new UnmappedEvent(type, "ev-1", new DateTimeOffset(2025, 11, 23, 9, 0, 0, 500, TimeSpan.Zero)),
            Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_EventDataWithoutType_IsUnmappedAsMissing()
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery("""{"event-data":{"id":"ev-1"}}"""), CreateConnection());

        // Assert
        Assert.Equal(new UnmappedEvent(MailgunNormaliser.MissingType, "ev-1", null), Assert.Single(normalised.Unmapped));
    }

    [Theory]
    [InlineData("1763888400.123456", 17638884001234560L)]
    [InlineData("1763888400", 17638884000000000L)]
    [InlineData("1.7638884001234567E9", 17638884001234567L)]
    public void Normalise_FractionalTimestamp_KeepsTheFractionInUtc(string timestamp, long ticksSinceEpoch)
    {
        // Act
        var normalised = NormaliseOne(Body("delivered", timestamp: timestamp));

        // Assert
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(ticksSinceEpoch), normalised.Interaction.OccurredAt);
        Assert.Equal(TimeSpan.Zero, normalised.Interaction.OccurredAt.Offset);
    }

    [Fact]
    public void Normalise_NoTimestampOrId_UsesArrivalTimeAndDeliveryId()
    {
        // Act
        var normalised = NormaliseOne("""{"event-data":{"event":"opened","recipient":"ada@example.com"}}""");

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
    }

    [Theory]
    [InlineData("failed", ""","severity":"permanent","reason":"bounce" """, ConsentStatuses.Undeliverable)]
    [InlineData("failed", ""","severity":"permanent","reason":"suppress-bounce" """, ConsentStatuses.Undeliverable)]
    [InlineData("failed", ""","severity":"permanent","reason":"suppress-unsubscribe" """, null)]
    [InlineData("failed", ""","severity":"permanent","reason":"suppress-complaint" """, null)]
    [InlineData("failed", ""","severity":"permanent","reason":"old" """, null)]
    [InlineData("failed", ""","severity":"permanent" """, null)]
    [InlineData("unsubscribed", "", ConsentStatuses.Unsubscribed)]
    [InlineData("complained", "", ConsentStatuses.Unsubscribed)]
    [InlineData("delivered", "", null)]
    [InlineData("clicked", "", null)]
    public void Normalise_EventType_StatesEmailConsentOnlyWhenExplicit(string type, string extra, string? expected)
    {
        // Act
        var person = NormaliseOne(Body(type, extra)).Person!;

        // Assert
        Assert.Equal(expected is null ? null : [new ConsentStatement("email", expected)], person.Consents);
    }

    [Theory]
    [InlineData(""","reason":"bounce","delivery-status":{"code":550,"message":"no such user ada@example.com"}""", "Email failed permanently (bounce, code 550)")]
    [InlineData(""","reason":"ada@example.com","delivery-status":{"code":"ada@example.com"}""", "Email failed permanently")]
    [InlineData(""","delivery-status":{"code":605}""", "Email failed permanently (code 605)")]
    public void Normalise_PermanentFailure_SummaryHasReasonAndCodeOnly(string extra, string expected)
    {
        // Act
        var summary = NormaliseOne(Body("failed", ""","severity":"permanent" """ + extra)).Interaction.Summary;

        // Assert
        Assert.Equal(expected, summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    public void Normalise_NoUsableRecipient_PersonIsNull(string recipient)
    {
        // Act
        var normalised = NormaliseOne(Body("complained", recipient: recipient));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.EmailComplained, normalised.Interaction.Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"}}""")]
    [InlineData("""{"event-data":"delivered"}""")]
    [InlineData("""{"event-data":[]}""")]
    [InlineData("signature%5Btimestamp%5D=1403645220&event-data%5Bevent%5D=delivered")]
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
        byte[] body = [.. """{"event-data":{"event":"delivered","recipient":"a"""u8, 0xC3, 0x28, .. "@example.com\"}}"u8];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Fact]
    public void Validate_WebhookBody_ReturnsNull()
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(Body("delivered")), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Normalise_ArchivedBodyWithoutEventData_ThrowsMalformedPayload()
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery($$"""{"signature":{{Signature}}}"""), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsMailgun()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("mailgun", provider);
    }
}
