using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Intercom;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Intercom;

public sealed class IntercomNormaliserTests
{
    private const string Vendor = "intercom";
    private const string Connection = "support";
    private const string DeliveryId = "notif_1";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset OccurredAt = DateTimeOffset.FromUnixTimeSeconds(1714564800);
    private static readonly DateTimeOffset ReceivedAt = OccurredAt.AddSeconds(2);

    private static IntercomNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = IntercomProvider.Id, Secrets = ["client-secret"] };

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, IntercomProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Notification(string topic, string item, string id = "\"notif_abc\"", string createdAt = "1714564800") =>
        $$"""{"type":"notification_event","app_id":"a1","data":{"type":"notification_event_data","item":{{item}}},"id":{{id}},"topic":"{{topic}}","delivery_attempts":1,"created_at":{{createdAt}}}""";

    private const string Contact = """{"type":"contact","id":"64d1","role":"user","email":"ada@example.com","phone":null,"name":"Ada"}""";

    private static NormalisedEvent NormaliseOne(string body, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_ContactUserUpdated_MatchesGoldenFile() => AssertGolden("contact.user.updated.json");

    [Fact]
    public void Normalise_ContactSubscribed_MatchesGoldenFile() => AssertGolden("contact.subscribed.json");

    [Fact]
    public void Normalise_ContactUnsubscribed_MatchesGoldenFile() => AssertGolden("contact.unsubscribed.json");

    [Fact]
    public void Normalise_ContactArchived_MatchesGoldenFile() => AssertGolden("contact.archived.json");

    [Fact]
    public void Normalise_ContactDeleted_MatchesGoldenFile() => AssertGolden("contact.deleted.json");

    [Fact]
    public void Normalise_ConversationUpdated_MatchesGoldenFile() => AssertGolden("conversation.updated.json");

    [Fact]
    public void Normalise_ConversationRead_MatchesGoldenFile() => AssertGolden("conversation.read.json");

    [Fact]
    public void Normalise_ConversationDeleted_MatchesGoldenFile() => AssertGolden("conversation.deleted.json");

    [Fact]
    public void Normalise_ConversationContactAttached_MatchesGoldenFile() => AssertGolden("conversation.contact.attached.json");

    private static void AssertGolden(string file)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(IntercomProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"type":"notification_event","data":{"item":{}}}""")]
    [InlineData("""{"topic":42,"data":{"item":{}}}""")]
    [InlineData("""{"topic":" ","data":{"item":{}}}""")]
    [InlineData("""{"topic":"contact.user.created"}""")]
    [InlineData("""{"topic":"contact.user.created","data":[]}""")]
    [InlineData("""{"topic":"contact.user.created","data":{},"created_at":"yesterday"}""")]
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
        var body = Encoding.UTF8.GetBytes(Notification("contact.user.created", Contact.Replace("Ada\"}", "XX\"}", StringComparison.Ordinal)));
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3;
        body[at + 1] = 0x28;

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Fact]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload()
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("""{"topic":"contact.user.created"}"""), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Normalise_ContactUserCreated_ReadsEveryTraitNormalised()
    {
        // Arrange
        var item = """
            {"type":"contact","id":"64d1","external_id":"cus_9","role":"user","email":" Ada.Lovelace@Example.COM ","phone":"(415) 555-2671",
             "name":" Ada King Lovelace ","location":{"type":"location","country":"United Kingdom","region":"England","city":"London"},
             "unsubscribed_from_emails":false,"has_hard_bounced":false,"sms_consent":true,"unsubscribed_from_sms":false}
            """;

        // Act
        var normalised = NormaliseOne(Notification("contact.user.created", item));

        // Assert
        Assert.Equal(
            new PersonTraits("64d1", OccurredAt, "ada.lovelace@example.com", "Ada", "King Lovelace", "+14155552671", null,
                new PostalLocation("London", "England", null, "United Kingdom"), [new ConsentStatement("sms", ConsentStatuses.Subscribed)]),
            normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.ProfileCreated, "notif_abc", OccurredAt, Connection, IntercomProvider.Id, DeliveryId,
                "contact.user.created", "Intercom user created"),
            normalised.Interaction);
    }

    [Theory]
    [InlineData("contact.lead.created", InteractionTypes.LeadCreated)]
    [InlineData("contact.user.updated", InteractionTypes.ProfileUpdated)]
    [InlineData("contact.lead.updated", InteractionTypes.ProfileUpdated)]
    [InlineData("contact.email.updated", InteractionTypes.ProfileUpdated)]
    [InlineData("contact.archived", InteractionTypes.ProfileDeleted)]
    [InlineData("contact.unarchived", InteractionTypes.ProfileUpdated)]
    [InlineData("contact.deleted", InteractionTypes.ProfileDeleted)]
    public void Normalise_ContactTopic_IsMappedWithTheContact(string topic, string expected)
    {
        // Act
        var normalised = NormaliseOne(Notification(topic, Contact));

        // Assert
        Assert.Equal(expected, normalised.Interaction.Type);
        Assert.Equal("64d1", normalised.Person!.SourceRecordId);
    }

    [Theory]
    [InlineData("contact.subscribed", InteractionTypes.Subscribed, ConsentStatuses.Subscribed)]
    [InlineData("contact.unsubscribed", InteractionTypes.Unsubscribed, ConsentStatuses.Unsubscribed)]
    public void Normalise_EmailSubscriptionTopic_StatesEmailConsent(string topic, string expectedType, string expectedStatus)
    {
        // Arrange
        var item = $$$"""{"type":"contact_subscribe","contact":{{{Contact}}},"subscription_types":{"type":"list","data":[]}}""";

        // Act
        var normalised = NormaliseOne(Notification(topic, item));

        // Assert
        Assert.Equal(expectedType, normalised.Interaction.Type);
        Assert.Equal([new ConsentStatement("email", expectedStatus)], normalised.Person!.Consents);
    }

    [Fact]
    public void Normalise_UnsubscribeFromOneSubscriptionType_StatesNothingAboutEmailAsAWhole()
    {
        // Arrange
        var item = $$$"""{"type":"contact_unsubscribe","contact":{{{Contact}}},"subscription_types":{"type":"list","data":[{"type":"subscription","id":"37"}]}}""";

        // Act
        var normalised = NormaliseOne(Notification("contact.unsubscribed", item));

        // Assert
        Assert.Equal(InteractionTypes.Unsubscribed, normalised.Interaction.Type);
        Assert.Null(normalised.Person!.Consents);
    }

    [Theory]
    [InlineData("\"has_hard_bounced\":true,\"unsubscribed_from_emails\":true", ConsentStatuses.Undeliverable)]
    [InlineData("\"unsubscribed_from_emails\":true", ConsentStatuses.Unsubscribed)]
    [InlineData("\"marked_email_as_spam\":true", ConsentStatuses.Unsubscribed)]
    [InlineData("\"unsubscribed_from_emails\":false,\"has_hard_bounced\":false", null)]
    public void Normalise_ContactFlags_OnlyOptOutsAndBouncesAreStatements(string flags, string? expected)
    {
        // Arrange
        var item = $$"""{"type":"contact","id":"64d1","email":"ada@example.com",{{flags}}}""";

        // Act
        var person = NormaliseOne(Notification("contact.user.updated", item)).Person!;

        // Assert
        Assert.Equal(expected, person.Consents?.SingleOrDefault(c => c.Channel == "email")?.Status);
    }

    [Fact]
    public void Normalise_SmsOptOut_IsSmsUnsubscribed()
    {
        // Arrange
        var item = """{"type":"contact","id":"64d1","sms_consent":true,"unsubscribed_from_sms":true}""";

        // Act
        var person = NormaliseOne(Notification("contact.user.updated", item)).Person!;

        // Assert
        Assert.Equal([new ConsentStatement("sms", ConsentStatuses.Unsubscribed)], person.Consents);
    }

    [Theory]
    [InlineData("""{"type":"conversation","id":"9","contacts":{"type":"contact.list","contacts":[{"type":"contact","id":"64d1"}]}}""", "64d1")]
    [InlineData("""{"type":"conversation","id":"9","contacts":[{"type":"lead","id":"5bc8"}]}""", "5bc8")]
    [InlineData("""{"type":"conversation","id":"9","source":{"author":{"type":"user","id":"77","email":"ada@example.com"}}}""", "77")]
    public void Normalise_ConversationStarted_PersonIsTheContact(string item, string expectedId)
    {
        // Act
        var normalised = NormaliseOne(Notification("conversation.user.created", item));

        // Assert
        Assert.Equal(InteractionTypes.ConversationStarted, normalised.Interaction.Type);
        Assert.Equal(expectedId, normalised.Person!.SourceRecordId);
        Assert.Equal("Intercom conversation 9: started by the contact", normalised.Interaction.Summary);
    }

    [Theory]
    [InlineData("""{"type":"conversation","id":"9","source":{"author":{"type":"admin","id":"814860","email":"agent@example.com"}}}""")]
    [InlineData("""{"type":"conversation","id":"9","contacts":[]}""")]
    public void Normalise_ConversationWithoutContact_PersonIsNull(string item)
    {
        // Act
        var normalised = NormaliseOne(Notification("conversation.admin.replied", item));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.ConversationUpdated, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_UserReplied_IsMessageReceived()
    {
        // Act
        var normalised = NormaliseOne(Notification("conversation.user.replied", """{"type":"conversation","id":"9","contacts":[{"id":"64d1"}]}"""));

        // Assert
        Assert.Equal(InteractionTypes.MessageReceived, normalised.Interaction.Type);
    }

    [Theory]
    [InlineData("ping")]
    [InlineData("conversation.deleted")]
    [InlineData("conversation.admin.noted")]
    [InlineData("company.created")]
    [InlineData("contact.merged")]
    public void Normalise_UnmappedTopic_IsRecordedUnmappedWithoutError(string topic)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Notification(topic, Contact)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(topic, "notif_abc", OccurredAt), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_NoNotificationIdOrTime_UsesDeliveryIdAndReceivedAt()
    {
        // Act
        var normalised = NormaliseOne(Notification("contact.user.updated", Contact, id: "null", createdAt: "null"));

        // Assert
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_ContactWithoutIdOrEmail_PersonIsNull()
    {
        // Act
        var normalised = NormaliseOne(Notification("contact.user.updated", """{"type":"contact","name":"Ada","email":"nope"}"""));

        // Assert
        Assert.Null(normalised.Person);
    }

    [Fact]
    public void Provider_IsIntercom()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("intercom", provider);
    }
}
