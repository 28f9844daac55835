using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.HubSpot;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.HubSpot;

public sealed class HubSpotNormaliserTests
{
    private const string Vendor = "hubspot";
    private const string Connection = "crm";
    private const string DeliveryId = "sha256-abc";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 3, TimeSpan.Zero);

    private static HubSpotNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = HubSpotProvider.Id, Secrets = ["secret"] };

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, HubSpotProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    /// <summary>One HubSpot event as a batch element; <paramref name="extra"/> is spliced in as more properties.</summary>
    private static string Event(string type = "contact.creation", long eventId = 100, long objectId = 123, string extra = "") =>
        $$"""{"eventId":{{eventId}},"subscriptionId":25,"portalId":33,"appId":1160452,"occurredAt":1714564800000,"subscriptionType":"{{type}}","attemptNumber":0,"objectId":{{objectId}}{{extra}}}""";

    private static string PropertyChange(string name, string value) =>
        Event("contact.propertyChange", extra: $$""","propertyName":"{{name}}","propertyValue":"{{value}}" """);

    [Fact]
    public void Normalise_ContactCreationDocsV1SignatureExample_MatchesGoldenFile() =>
        AssertGolden("contact.creation.docs_v1_signature_example.json");

    [Fact]
    public void Normalise_ContactPropertyChangeAndCreationDocsExample_MatchesGoldenFile() =>
        AssertGolden("contact.propertyChange+creation.docs_example.json");

    private static void AssertGolden(string file)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(HubSpotProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[{\"subscriptionType\":")]
    [InlineData("{}")]
    [InlineData("\"contact.creation\"")]
    [InlineData("[1]")]
    [InlineData("[{}]")]
    [InlineData("""[{"subscriptionType":42,"objectId":1}]""")]
    [InlineData("""[{"subscriptionType":"","objectId":1}]""")]
    [InlineData("""[{"subscriptionType":"contact.creation","objectId":1,"occurredAt":"yesterday"}]""")]
    [InlineData("""[{"subscriptionType":"contact.creation","objectId":1,"occurredAt":1.5}]""")]
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
        var body = Encoding.UTF8.GetBytes($"[{Event()}]");
        body[^3] = 0xC3;
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"eventType":"contact.creation"}]""")]
    [InlineData("""[{"subscriptionType":"deal.creation","objectId":9,"occurredAt":null}]""")]
    public void Validate_ReadableBatch_ReturnsNull(string body)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[{}]")]
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
    public void Normalise_Batch_GivesOneEventPerElementInOrder()
    {
        // Arrange
        var sut = CreateSut();
        var body = $"[{Event(eventId: 1, objectId: 11)},{Event("contact.deletion", eventId: 2, objectId: 22)},{Event(eventId: 3, objectId: 33)}]";

        // Act
        var normalised = sut.Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal(["11", "22", "33"], normalised.Events.Select(e => e.Person!.SourceRecordId));
        Assert.Equal(
            [InteractionTypes.ProfileCreated, InteractionTypes.ProfileDeleted, InteractionTypes.ProfileCreated],
            normalised.Events.Select(e => e.Interaction.Type));
        Assert.Empty(normalised.Unmapped);
        Assert.Equal((Connection, HubSpotProvider.Id, DeliveryId), (normalised.Connection, normalised.Provider, normalised.DeliveryId));
    }

    [Fact]
    public void Normalise_EmptyBatch_HasNoEvents()
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery("[]"), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Empty(normalised.Unmapped);
    }

    [Fact]
    public void Normalise_ContactCreation_InteractionCarriesIdsTimeAndSource()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = Assert.Single(sut.Normalise(Delivery($"[{Event()}]"), CreateConnection()).Events);

        // Assert
        var occurredAt = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            new Interaction(InteractionTypes.ProfileCreated, "33:25:100:123", occurredAt, Connection, HubSpotProvider.Id, DeliveryId,
                "contact.creation", "HubSpot contact 123 created"),
            normalised.Interaction);
        Assert.Equal(new PersonTraits("123", occurredAt, null, null, null, null), normalised.Person);
    }

    [Theory]
    [InlineData("contact.deletion")]
    [InlineData("contact.privacyDeletion")]
    public void Normalise_Deletion_IsProfileDeleted(string type)
    {
        // Act
        var normalised = Assert.Single(CreateSut().Normalise(Delivery($"[{Event(type)}]"), CreateConnection()).Events);

        // Assert
        Assert.Equal(InteractionTypes.ProfileDeleted, normalised.Interaction.Type);
        Assert.Equal("123", normalised.Person!.SourceRecordId);
    }

    [Fact]
    public void Normalise_NewerEventTypeKey_IsRead()
    {
        // Arrange
        var body = $"[{Event().Replace("subscriptionType", "eventType", StringComparison.Ordinal)}]";

        // Act
        var normalised = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events);

        // Assert
        Assert.Equal(InteractionTypes.ProfileCreated, normalised.Interaction.Type);
        Assert.Equal("contact.creation", normalised.Interaction.SourceType);
    }

    [Theory]
    [InlineData("object.creation", "0-1", InteractionTypes.ProfileCreated)]
    [InlineData("object.propertyChange", "0-1", InteractionTypes.ProfileUpdated)]
    [InlineData("object.deletion", "0-1", InteractionTypes.ProfileDeleted)]
    public void Normalise_GenericContactSubscription_MapsLikeLegacyContact(string type, string objectTypeId, string expected)
    {
        // Arrange
        var body = $"[{Event(type, extra: $",\"objectTypeId\":\"{objectTypeId}\"")}]";

        // Act
        var normalised = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events);

        // Assert
        Assert.Equal(expected, normalised.Interaction.Type);
        Assert.Equal(type, normalised.Interaction.SourceType);
    }

    [Theory]
    [InlineData("deal.creation", "")]
    [InlineData("deal.propertyChange", "")]
    [InlineData("company.creation", "")]
    [InlineData("contact.merge", "")]
    [InlineData("contact.restore", "")]
    [InlineData("contact.associationChange", "")]
    [InlineData("conversation.creation", "")]
    [InlineData("object.creation", ",\"objectTypeId\":\"0-3\"")]
    public void Normalise_UnmappedType_IsRecordedUnmappedWithoutError(string type, string extra)
    {
        // Arrange
        var body = $"[{Event(type, extra: extra)}]";

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(
            new UnmappedEvent(type, "33:25:100:123", new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero)),
            Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_MixedBatch_KeepsMappedAndUnmappedApart()
    {
        // Arrange
        var body = $"[{Event("deal.creation", eventId: 1)},{Event(eventId: 2)}]";

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal("33:25:2:123", Assert.Single(normalised.Events).Interaction.EventId);
        Assert.Equal("33:25:1:123", Assert.Single(normalised.Unmapped).EventId);
    }

    [Theory]
    [InlineData("email", " Ada.Lovelace@Example.COM ", "email", "ada.lovelace@example.com")]
    [InlineData("firstname", " Ada ", "firstName", "Ada")]
    [InlineData("lastname", "Lovelace", "lastName", "Lovelace")]
    [InlineData("phone", "(415) 555-2671", "phone", "+14155552671")]
    [InlineData("company", "Analytical Engines", "company", "Analytical Engines")]
    [InlineData("city", "London", "city", "London")]
    [InlineData("state", "Greater London", "region", "Greater London")]
    [InlineData("zip", "NW1 6XE", "postalCode", "NW1 6XE")]
    [InlineData("country", "United Kingdom", "country", "United Kingdom")]
    public void Normalise_ProfilePropertyChange_SetsThatTrait(string property, string value, string trait, string expected)
    {
        // Arrange
        var body = $"[{PropertyChange(property, value)}]";

        // Act
        var person = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events).Person!;

        // Assert
        var actual = trait switch
        {
            "email" => person.Email,
            "firstName" => person.FirstName,
            "lastName" => person.LastName,
            "phone" => person.Phone,
            "company" => person.Company,
            "city" => person.Location?.City,
            "region" => person.Location?.Region,
            "postalCode" => person.Location?.PostalCode,
            _ => person.Location?.Country,
        };
        Assert.Equal(expected, actual);
        Assert.Equal("123", person.SourceRecordId);
    }

    [Fact]
    public void Normalise_OtherPropertyChange_KeepsOnlyTheRecordId()
    {
        // Arrange
        var body = $"[{PropertyChange("lifecyclestage", "subscriber")}]";

        // Act
        var normalised = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events);

        // Assert
        Assert.Equal(new PersonTraits("123", normalised.Interaction.OccurredAt, null, null, null, null), normalised.Person);
        Assert.Equal("HubSpot contact 123: property lifecyclestage changed", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_EmailPropertyChange_SummaryHasNoAddress()
    {
        // Arrange
        var body = $"[{PropertyChange("email", "ada@example.com")}]";

        // Act
        var summary = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events).Interaction.Summary;

        // Assert
        Assert.DoesNotContain("ada", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("true", ConsentStatuses.Unsubscribed)]
    [InlineData("false", null)]
    public void Normalise_EmailOptOutChange_OnlyTrueIsAConsentStatement(string value, string? expected)
    {
        // Arrange
        var body = $"[{PropertyChange("hs_email_optout", value)}]";

        // Act
        var person = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events).Person!;

        // Assert
        Assert.Equal(expected, person.Consents?.Single(c => c.Channel == "email").Status);
    }

    [Fact]
    public void Normalise_NoObjectIdAndNoEmail_PersonIsNull()
    {
        // Arrange
        var body = """[{"eventId":5,"portalId":33,"subscriptionId":25,"occurredAt":1714564800000,"subscriptionType":"contact.creation"}]""";

        // Act
        var normalised = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events);

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.ProfileCreated, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_NoEventIdOrTime_DerivesIdFromDeliveryAndIndexAndUsesReceivedAt()
    {
        // Arrange
        var body = $$"""[{{Event(eventId: 1)}},{"subscriptionType":"contact.creation","objectId":7}]""";

        // Act
        var second = CreateSut().Normalise(Delivery(body), CreateConnection()).Events[1];

        // Assert
        Assert.Equal($"{DeliveryId}:1", second.Interaction.EventId);
        Assert.Equal(ReceivedAt, second.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, second.Person!.EventTime);
    }

    [Fact]
    public void Provider_IsHubSpot()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("hubspot", provider);
    }
}
