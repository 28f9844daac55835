using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Twilio;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Twilio;

public sealed class TwilioNormaliserTests
{
    private const string Vendor = "twilio";
    private const string Connection = "sms";
    private const string DeliveryId = "idem-123";
    private const string MessageSid = "SM1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static TwilioNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = TwilioProvider.Id, Secrets = ["auth-token"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, TwilioProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Inbound(string body = "Hello", string from = "%2B14155552671", string extra = "") =>
        $"MessageSid={MessageSid}&SmsStatus=received&AccountSid=AC0123&From={from}&To=%2B14155550100&Body={body}&NumMedia=0&NumSegments=1{extra}";

    private static NormalisedEvent NormaliseOne(string body, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_InboundSms_MatchesGoldenFile() => AssertGolden("inbound_sms.txt");

    [Fact]
    public void Normalise_InboundMms_MatchesGoldenFile() => AssertGolden("inbound_mms.txt");

    [Fact]
    public void Normalise_InboundSmsStop_MatchesGoldenFile() => AssertGolden("inbound_sms_stop.txt");

    [Fact]
    public void Normalise_InboundSmsStartAdvancedOptOut_MatchesGoldenFile() => AssertGolden("inbound_sms_start_advanced_opt_out.txt");

    [Fact]
    public void Normalise_InboundWhatsapp_MatchesGoldenFile() => AssertGolden("inbound_whatsapp.txt");

    [Fact]
    public void Normalise_StatusCallbackDelivered_MatchesGoldenFile() => AssertGolden("status_callback_delivered.txt");

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(TwilioProvider.Id, Vendor, file), CreateConnection()));

    [Fact]
    public void Normalise_InboundSms_IsMessageReceivedFromTheSender()
    {
        // Act
        var normalised = NormaliseOne(Inbound());

        // Assert
        Assert.Equal(
            new Interaction(InteractionTypes.MessageReceived, MessageSid, ReceivedAt, Connection, TwilioProvider.Id, DeliveryId,
                TwilioNormaliser.InboundMessageType, "Inbound SMS (1 segment)"),
            normalised.Interaction);
        Assert.Equal(new PersonTraits("+14155552671", ReceivedAt, null, null, null, "+14155552671"), normalised.Person);
    }

    [Fact]
    public void Normalise_InboundMessage_NeverCopiesTheTextIntoTheModel()
    {
        // Arrange
        var text = "Call+me+on+%2B14155550199+or+ada%40example.com";

        // Act
        var normalised = CreateSut().Normalise(Delivery(Inbound(body: text)), CreateConnection());

        // Assert
        var canonical = GoldenFile.Canonical(normalised);
        Assert.DoesNotContain("Call me", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", canonical, StringComparison.Ordinal);
        Assert.DoesNotContain("4155550199", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_WhatsappSender_ReadsTheNumberAfterThePrefix()
    {
        // Act
        var normalised = NormaliseOne(Inbound(from: "whatsapp%3A%2B442079460958"));

        // Assert
        Assert.Equal("+442079460958", normalised.Person!.Phone);
        Assert.Equal("+442079460958", normalised.Person.SourceRecordId);
        Assert.Equal("Inbound WhatsApp message (1 segment)", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_LocalNumber_UsesDefaultRegion()
    {
        // Act
        var person = NormaliseOne(Inbound(from: "020+7946+0958"), region: "GB").Person!;

        // Assert
        Assert.Equal("+442079460958", person.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("")]
    [InlineData("messenger%3A1234567890")]
    public void Normalise_SenderIsNoPhoneNumber_PersonIsNull(string from)
    {
        // Act
        var normalised = NormaliseOne(Inbound(from: from));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.MessageReceived, normalised.Interaction.Type);
    }

    [Theory]
    [InlineData("STOP", ConsentStatuses.Unsubscribed)]
    [InlineData("stop", ConsentStatuses.Unsubscribed)]
    [InlineData("+Stop%0A", ConsentStatuses.Unsubscribed)]
    [InlineData("STOPALL", ConsentStatuses.Unsubscribed)]
    [InlineData("unsubscribe", ConsentStatuses.Unsubscribed)]
    [InlineData("CANCEL", ConsentStatuses.Unsubscribed)]
    [InlineData("End", ConsentStatuses.Unsubscribed)]
    [InlineData("QUIT", ConsentStatuses.Unsubscribed)]
    [InlineData("REVOKE", ConsentStatuses.Unsubscribed)]
    [InlineData("OPTOUT", ConsentStatuses.Unsubscribed)]
    [InlineData("START", ConsentStatuses.Subscribed)]
    [InlineData("unstop", ConsentStatuses.Subscribed)]
    [InlineData("YES", null)]
    [InlineData("HELP", null)]
    [InlineData("INFO", null)]
    [InlineData("STOP+PLEASE", null)]
    [InlineData("Please+stop", null)]
    [InlineData("STOP.", null)]
    [InlineData("", null)]
    public void Normalise_SmsKeyword_StatesSmsConsentAsTwilioDefines(string body, string? expected)
    {
        // Act
        var person = NormaliseOne(Inbound(body: body)).Person!;

        // Assert
        Assert.Equal(expected is null ? null : [new ConsentStatement("sms", expected)], person.Consents);
    }

    [Theory]
    [InlineData("STOP", "Hello", ConsentStatuses.Unsubscribed)]
    [InlineData("START", "yes", ConsentStatuses.Subscribed)]
    [InlineData("start", "Oui", ConsentStatuses.Subscribed)]
    [InlineData("HELP", "STOP", null)]
    [InlineData("SOMETHING", "STOP", null)]
    public void Normalise_OptOutType_OverridesTheDefaultKeywords(string optOutType, string body, string? expected)
    {
        // Act
        var person = NormaliseOne(Inbound(body: body, extra: $"&OptOutType={optOutType}&MessagingServiceSid=MG1")).Person!;

        // Assert
        Assert.Equal(expected is null ? null : [new ConsentStatement("sms", expected)], person.Consents);
    }

    [Fact]
    public void Normalise_WhatsappStopWithoutOptOutType_StatesNoConsent()
    {
        // Arrange: Twilio applies its default keywords to SMS only; WhatsApp keywords need Advanced Opt-Out.
        var body = Inbound(body: "STOP", from: "whatsapp%3A%2B442079460958");

        // Act
        var person = NormaliseOne(body).Person!;

        // Assert
        Assert.Null(person.Consents);
    }

    [Fact]
    public void Normalise_WhatsappWithOptOutType_StatesWhatsappConsent()
    {
        // Arrange
        var body = Inbound(body: "BAJA", from: "whatsapp%3A%2B442079460958", extra: "&OptOutType=STOP");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal([new ConsentStatement("whatsapp", ConsentStatuses.Unsubscribed)], normalised.Person!.Consents);
        Assert.Equal("Inbound WhatsApp message (1 segment): opt-out keyword", normalised.Interaction.Summary);
    }

    [Theory]
    [InlineData("&NumMedia=0&NumSegments=1", "Inbound SMS (1 segment)")]
    [InlineData("&NumMedia=2&NumSegments=1", "Inbound MMS (1 segment, 2 media items)")]
    [InlineData("&NumMedia=1&NumSegments=3", "Inbound MMS (3 segments, 1 media item)")]
    [InlineData("", "Inbound SMS")]
    public void Normalise_Counts_AreSummarised(string counts, string expected)
    {
        // Arrange
        var body = $"MessageSid={MessageSid}&SmsStatus=received&From=%2B14155552671&Body=Hi{counts}";

        // Act
        var summary = NormaliseOne(body).Interaction.Summary;

        // Assert
        Assert.Equal(expected, summary);
    }

    [Theory]
    [InlineData("MessageSid=SM1&MessageStatus=delivered&SmsStatus=delivered&From=%2B14155550100&To=%2B14155552671", "message.delivered", "SM1:delivered")]
    [InlineData("MessageSid=SM1&MessageStatus=failed&ErrorCode=30003", "message.failed", "SM1:failed")]
    [InlineData("SmsSid=SM2&SmsStatus=sent", "message.sent", "SM2:sent")]
    [InlineData("CallSid=CA1&CallStatus=completed&From=%2B14155552671", "call.completed", "CA1:completed")]
    [InlineData("CallSid=CA1", "call.unknown", "CA1")]
    [InlineData("AccountSid=AC1&Foo=bar", TwilioNormaliser.UnknownFormType, DeliveryId)]
    public void Normalise_CallbackThatIsNoInboundMessage_IsUnmappedWithoutError(string body, string expectedType, string expectedId)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(expectedType, expectedId, null), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_JsonCloudEvents_AreUnmappedByTypeAndId()
    {
        // Arrange
        var body = """
            [{"specversion":"1.0","type":"com.twilio.messaging.inbound-message.received","id":"EZ1","time":"2026-11-23T08:59:59Z","data":{}},
             {"data":{}}]
            """;

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(
            [
                new UnmappedEvent("com.twilio.messaging.inbound-message.received", "EZ1", new DateTimeOffset(2026, 11, 23, 8, 59, 59, TimeSpan.Zero)),
                new UnmappedEvent(TwilioNormaliser.JsonType, $"{DeliveryId}:1", null),
            ],
            normalised.Unmapped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"MessageSid\":")]
    [InlineData("[1,2")]
    [InlineData("Body=%C3%28&MessageSid=SM1")]
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
        byte[] body = [.. "MessageSid=SM1&Body="u8, 0xC3, 0x28];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Theory]
    [InlineData("MessageSid=SM1&Body=Caf%C3%A9")]
    [InlineData("""{"type":"x"}""")]
    public void Validate_FormOrJson_ReturnsNull(string body)
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
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("Body=%FF"), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsTwilio()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("twilio", provider);
    }
}
