using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Zendesk;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Zendesk;

public sealed class ZendeskNormaliserTests
{
    private const string Vendor = "zendesk";
    private const string Connection = "helpdesk";
    private const string DeliveryId = "01HNXXXX-INVOCATION";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset OccurredAt = new(2024, 4, 17, 17, 18, 10, TimeSpan.Zero);
    private static readonly DateTimeOffset ReceivedAt = OccurredAt.AddSeconds(1);

    private static ZendeskNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection(Dictionary<string, string>? settings = null, Dictionary<string, string>? fieldMap = null)
    {
        var connection = new ConnectionOptions { Provider = ZendeskProvider.Id, Secrets = ["dGhpc19zZWNyZXQ="] };
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
        new(Connection, ZendeskProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Event(string type, string subject, string detail, string @event = "{}", string time = "\"2024-04-17T17:18:10Z\"") =>
        $$"""{"type":"zen:event-type:{{type}}","account_id":88888888,"id":"01HN-EVENT","time":{{time}},"zendesk_event_version":"2022-11-06","subject":"{{subject}}","detail":{{detail}},"event":{{@event}}}""";

    private const string UserDetail = """{"created_at":"2024-04-17T17:00:00Z","email":" Ada@Example.COM ","external_id":"","id":"6596848315901","organization_id":"0","role":"end-user"}""";
    private const string TicketDetail = """{"id":"35436","status":"OPEN","requester_id":"20978392","submitter_id":"20978392","assignee_id":"235323","subject":"Printer on fire"}""";

    private static NormalisedEvent NormaliseOne(string body, ConnectionOptions? connection = null, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), connection ?? CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_UserGroupMembershipCreated_MatchesGoldenFile() => AssertGolden("user.group_membership_created.json", CreateConnection());

    [Fact]
    public void Normalise_MessagingTicketMessageAddedDocsExample_MatchesGoldenFile() =>
        AssertGolden("messaging_ticket.message_added.docs_example.json", CreateConnection());

    [Fact]
    public void Normalise_TicketTriggerWebhookCustomBody_MatchesGoldenFile() =>
        // The admin's body names the ticket "ticketID" and its type in words; it names no requester (assigneeEmail is the
        // agent), so the event is mapped but has no person.
        AssertGolden(
            "ticket.trigger_webhook_custom_body.json",
            CreateConnection(new() { ["EventType:End User Comment"] = InteractionTypes.TicketUpdated }, new() { ["ticket_id"] = "ticketID" }));

    private static void AssertGolden(string file, ConnectionOptions connection)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(ZendeskProvider.Id, Vendor, file), connection);

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"zen:event-type:user.created\"")]
    [InlineData("""{"type":"zen:event-type:user.created","time":"yesterday","detail":{}}""")]
    [InlineData("""{"type":"Ticket Updated","occurred_at":"not a time"}""")]
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
        var body = Encoding.UTF8.GetBytes(Event("user.created", "zen:user:1", """{"id":"1","email":"aXX@example.com"}"""));
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
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("[1]"), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Normalise_UserCreated_IsProfileCreatedWithIdAndEmail()
    {
        // Act
        var normalised = NormaliseOne(Event("user.created", "zen:user:6596848315901", UserDetail));

        // Assert
        Assert.Equal(new PersonTraits("6596848315901", OccurredAt, "ada@example.com", null, null, null), normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.ProfileCreated, "01HN-EVENT", OccurredAt, Connection, ZendeskProvider.Id, DeliveryId,
                "zen:event-type:user.created", "Zendesk user 6596848315901: created"),
            normalised.Interaction);
    }

    [Theory]
    [InlineData("user.deleted", InteractionTypes.ProfileDeleted)]
    [InlineData("user.details_changed", InteractionTypes.ProfileUpdated)]
    [InlineData("user.identity_created", InteractionTypes.ProfileUpdated)]
    [InlineData("user.active_changed", InteractionTypes.ProfileUpdated)]
    public void Normalise_UserEvent_IsMapped(string type, string expected)
    {
        // Act
        var normalised = NormaliseOne(Event(type, "zen:user:6596848315901", UserDetail));

        // Assert
        Assert.Equal(expected, normalised.Interaction.Type);
        Assert.Equal("6596848315901", normalised.Person!.SourceRecordId);
    }

    [Fact]
    public void Normalise_UserWithoutDetailId_TakesTheIdFromSubject()
    {
        // Act
        var person = NormaliseOne(Event("user.deleted", "zen:user:42", "{}")).Person!;

        // Assert
        Assert.Equal("42", person.SourceRecordId);
    }

    [Fact]
    public void Normalise_UserNameChanged_ReadsTheNewName()
    {
        // Act
        var person = NormaliseOne(Event("user.name_changed", "zen:user:6596848315901", UserDetail, """{"current":"Ada Lovelace","previous":"Ada"}""")).Person!;

        // Assert
        Assert.Equal(("Ada", "Lovelace"), (person.FirstName, person.LastName));
    }

    [Theory]
    [InlineData("ticket.created", InteractionTypes.TicketCreated, "Zendesk ticket #35436: created")]
    [InlineData("ticket.status_changed", InteractionTypes.TicketUpdated, "Zendesk ticket #35436: status changed")]
    [InlineData("ticket.comment_added", InteractionTypes.TicketUpdated, "Zendesk ticket #35436: comment added")]
    public void Normalise_TicketEvent_PersonIsTheRequester(string type, string expected, string summary)
    {
        // Act
        var normalised = NormaliseOne(Event(type, "zen:ticket:35436", TicketDetail));

        // Assert
        Assert.Equal(expected, normalised.Interaction.Type);
        Assert.Equal(new PersonTraits("20978392", OccurredAt, null, null, null, null), normalised.Person);
        Assert.Equal(summary, normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_MessageFromEndUser_PersonIsTheAuthor()
    {
        // Arrange
        var body = Event("messaging_ticket.message_added", "zen:ticket:141", """{"id":"141"}""",
            """{"actor":{"id":"20978392","name":"Ada Lovelace","type":"end_user"},"conversation_id":"67ab","message":{"body":"Hello","id":"67ac"}}""");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(InteractionTypes.MessageReceived, normalised.Interaction.Type);
        Assert.Equal(new PersonTraits("20978392", OccurredAt, null, "Ada", "Lovelace", null), normalised.Person);
        Assert.Equal("Zendesk ticket #141: message added by end user", normalised.Interaction.Summary);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("trigger")]
    [InlineData("system")]
    public void Normalise_MessageFromStaffOrSystem_PersonIsNull(string actorType)
    {
        // Arrange
        var body = Event("messaging_ticket.message_added", "zen:ticket:141", """{"id":"141"}""",
            $$$"""{"actor":{"id":"9001","name":"Agent Smith","type":"{{{actorType}}}"},"message":{"body":"Hi","id":"1"}}""");

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Null(normalised.Person);
        Assert.DoesNotContain("Smith", normalised.Interaction.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user.group_membership_created")]
    [InlineData("user.password_changed")]
    [InlineData("organization.created")]
    [InlineData("ticket.attachment_redacted_from_comment")]
    [InlineData("article.published")]
    public void Normalise_UnmappedEventType_IsRecordedUnmappedWithoutError(string type)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Event(type, "zen:user:1", UserDetail)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent($"zen:event-type:{type}", "01HN-EVENT", OccurredAt), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_EventWithoutTime_UsesReceivedAt()
    {
        // Act
        var normalised = NormaliseOne(Event("ticket.created", "zen:ticket:1", TicketDetail, time: "null"));

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_CustomBodyWithDefaultFields_ReadsTheRequester()
    {
        // Arrange
        var body = """
            {"type":"ticket.created","event_id":"35436-1","ticket_id":"35436","occurred_at":"2024-04-17T17:18:10Z",
             "requester_id":"20978392","requester_email":"Ada@Example.com","requester_first_name":"Ada","requester_last_name":"Lovelace",
             "requester_phone":"+44 20 7946 0958","assigneeEmail":"agent@example.com"}
            """;

        // Act
        var normalised = NormaliseOne(body);

        // Assert
        Assert.Equal(new PersonTraits("20978392", OccurredAt, "ada@example.com", "Ada", "Lovelace", "+442079460958"), normalised.Person);
        Assert.Equal(
            new Interaction(InteractionTypes.TicketCreated, "35436-1", OccurredAt, Connection, ZendeskProvider.Id, DeliveryId,
                "ticket.created", "Zendesk ticket #35436: ticket.created"),
            normalised.Interaction);
    }

    [Fact]
    public void Normalise_CustomBodyNamingOnlyTheAssignee_HasNoPerson()
    {
        // Arrange
        var connection = CreateConnection(new() { ["EventType:*"] = InteractionTypes.TicketUpdated });

        // Act
        var normalised = NormaliseOne("""{"type":"End User Comment","ticketID":"12345","assigneeEmail":"kren@example.com"}""", connection);

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal("Zendesk webhook 'End User Comment'", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_CustomBodyWithUnmappedType_IsRecordedUnmapped()
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery("""{"type":"End User Comment","ticketID":"12345"}"""), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent("End User Comment", DeliveryId, null), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Provider_IsZendesk()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("zendesk", provider);
    }
}
