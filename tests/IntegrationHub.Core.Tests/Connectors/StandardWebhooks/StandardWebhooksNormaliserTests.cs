using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.StandardWebhooks;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

public sealed class StandardWebhooksNormaliserTests
{
    private const string Connection = "shop";
    private const string DeliveryId = "msg_2LJz4Q8Vyl0c6m3Xy9kT1hB5aPq";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset OccurredAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static StandardWebhooksNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection(Dictionary<string, string>? fieldMap = null)
    {
        var connection = new ConnectionOptions { Provider = StandardWebhooksProvider.Id, Secrets = ["whsec_AAAA"] };
        foreach (var (canonical, path) in fieldMap ?? [])
        {
            connection.FieldMap[canonical] = path;
        }
        return connection;
    }

    private static ArchivedDelivery Delivery(string body) => new(
        Connection,
        StandardWebhooksProvider.Id,
        DeliveryId,
        OccurredAt.AddSeconds(3),
        new Dictionary<string, string>(),
        Encoding.UTF8.GetBytes(body));

    private static string Envelope(string data, string type = "contact.updated", string timestamp = "2024-05-01T12:00:00Z") =>
        $$"""{"type":"{{type}}","timestamp":"{{timestamp}}","data":{{data}}}""";

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"type\":\"contact.updated\",")]
    [InlineData("[1,2,3]")]
    [InlineData("\"contact.updated\"")]
    [InlineData("""{"timestamp":"2024-05-01T12:00:00Z","data":{}}""")]
    [InlineData("""{"type":"","timestamp":"2024-05-01T12:00:00Z","data":{}}""")]
    [InlineData("""{"type":42,"timestamp":"2024-05-01T12:00:00Z","data":{}}""")]
    [InlineData("""{"type":"contact.updated","data":{}}""")]
    [InlineData("""{"type":"contact.updated","timestamp":"yesterday","data":{}}""")]
    [InlineData("""{"type":"contact.updated","timestamp":1714564800,"data":{}}""")]
    [InlineData("""{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z"}""")]
    [InlineData("""{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z","data":[]}""")]
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

    /// <summary>A body with the bytes C3 28 (not UTF-8: a lead byte followed by '(') in place of "XX".</summary>
    private static byte[] WithInvalidUtf8(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }

    [Fact]
    public void Validate_InvalidUtf8InType_IsMalformedPayload400()
    {
        // Arrange: a sender's encoder bug. JSON text must be UTF-8 (RFC 8259), so this is a malformed body:
        // it must be answered 400, not escape as an exception (a 500 the sender would retry for days).
        var body = WithInvalidUtf8(Envelope("{}", type: "contact.XX"));
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(body, CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Validate_InvalidUtf8InData_IsMalformedPayload400()
    {
        // Arrange: accepting this body would archive a delivery that can never be normalised (a poison message).
        var body = WithInvalidUtf8(Envelope("""{"email":"aXX@example.com"}"""));
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(body, CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Normalise_ArchivedInvalidUtf8InData_ThrowsMalformedPayload()
    {
        // Arrange: the archive holds what intake accepted; an unreadable delivery must surface as the poison-message
        // exception, so hosts dead-letter it instead of retrying a failure that can never succeed.
        var delivery = Delivery("") with { Body = WithInvalidUtf8(Envelope("""{"email":"aXX@example.com"}""")) };
        var sut = CreateSut();

        // Act
        var thrown = Record.Exception(() => NormaliseOne(sut, delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Validate_GoodEnvelope_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();
        var body = Encoding.UTF8.GetBytes(Envelope("""{"email":"ada@example.com"}"""));

        // Act
        var problem = sut.Validate(body, CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Validate_GoodEnvelopeWithEmptyData_ReturnsNull()
    {
        // Arrange: an event about no one is still a well-formed delivery; it is accepted and later found unmapped.
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(Envelope("{}")), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Normalise_FullPerson_ReadsEveryTraitNormalised()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Envelope("""
            {"id":"cus_123","email":"  Ada.Lovelace@Example.COM ","first_name":" Ada ","last_name":"Lovelace","phone":"(415) 555-2671"}
            """));

        // Act
        var normalised = NormaliseOne(sut, delivery, CreateConnection());

        // Assert
        var person = normalised.Person!;
        Assert.Equal("cus_123", person.SourceRecordId);
        Assert.Equal("ada.lovelace@example.com", person.Email);
        Assert.Equal("Ada", person.FirstName);
        Assert.Equal("Lovelace", person.LastName);
        Assert.Equal("+14155552671", person.Phone);
        Assert.Equal(OccurredAt, person.EventTime);
    }

    [Fact]
    public void Normalise_LocalPhoneWithOtherDefaultRegion_UsesThatRegion()
    {
        // Arrange
        var sut = CreateSut(region: "GB");
        var delivery = Delivery(Envelope("""{"email":"ada@example.com","phone":"020 7946 0958"}"""));

        // Act
        var person = NormaliseOne(sut, delivery, CreateConnection()).Person!;

        // Assert
        Assert.Equal("+442079460958", person.Phone);
    }

    [Fact]
    public void Normalise_InvalidPhone_PhoneIsNull()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Envelope("""{"email":"ada@example.com","phone":"12"}"""));

        // Act
        var person = NormaliseOne(sut, delivery, CreateConnection()).Person!;

        // Assert
        Assert.Null(person.Phone);
        Assert.Equal("ada@example.com", person.Email);
    }

    [Theory]
    [InlineData("\"cus_123\"", "cus_123")]
    [InlineData("123456789", "123456789")]
    [InlineData("\"  42 \"", "42")]
    public void Normalise_IdAsStringOrNumber_ReadsItAsText(string idJson, string expected)
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Envelope($$"""{"id":{{idJson}}}"""));

        // Act
        var person = NormaliseOne(sut, delivery, CreateConnection()).Person!;

        // Assert
        Assert.Equal(expected, person.SourceRecordId);
        Assert.Null(person.Email);
    }

    [Fact]
    public void Normalise_FieldMapWithDottedPaths_ReadsNestedFields()
    {
        // Arrange
        var sut = CreateSut();
        var connection = CreateConnection(new()
        {
            ["id"] = "contact.uid",
            ["email"] = "contact.emails.primary",
            ["first_name"] = "contact.given",
        });
        var delivery = Delivery(Envelope("""
            {"email":"ignored@example.com","contact":{"uid":77,"given":"Grace","emails":{"primary":"Grace@Example.com"}},"last_name":"Hopper"}
            """));

        // Act
        var person = NormaliseOne(sut, delivery, connection).Person!;

        // Assert
        Assert.Equal("77", person.SourceRecordId);
        Assert.Equal("grace@example.com", person.Email);
        Assert.Equal("Grace", person.FirstName);
        Assert.Equal("Hopper", person.LastName);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"first_name":"Ada","phone":"(415) 555-2671"}""")]
    [InlineData("""{"email":"not-an-email","first_name":"Ada"}""")]
    [InlineData("""{"email":"   ","id":""}""")]
    [InlineData("""{"id":{"nested":true},"email":["ada@example.com"]}""")]
    public void Normalise_NoEmailAndNoId_PersonIsNull(string data)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = NormaliseOne(sut, Delivery(Envelope(data)), CreateConnection());

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal("contact.updated", normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_Envelope_InteractionCarriesTypeEventIdAndTime()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Envelope("""{"email":"ada@example.com"}""", type: "order.placed", timestamp: "2024-05-01T14:00:00+02:00"));

        // Act
        var normalised = NormaliseOne(sut, delivery, CreateConnection());

        // Assert
        Assert.Equal(
            new Interaction("order.placed", DeliveryId, OccurredAt, Connection, StandardWebhooksProvider.Id, DeliveryId, "order.placed"),
            normalised.Interaction);
        Assert.Equal(TimeSpan.Zero, normalised.Interaction.OccurredAt.Offset);
        Assert.Equal(Connection, normalised.Connection);
        Assert.Equal(StandardWebhooksProvider.Id, normalised.Provider);
        Assert.Equal(DeliveryId, normalised.DeliveryId);
    }

    [Fact]
    public void Normalise_TimestampWithoutOffset_ReadsAsUtc()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Envelope("""{"email":"ada@example.com"}""", timestamp: "2024-05-01T12:00:00"));

        // Act
        var normalised = NormaliseOne(sut, delivery, CreateConnection());

        // Assert
        Assert.Equal(OccurredAt, normalised.Interaction.OccurredAt);
        Assert.Equal(OccurredAt, normalised.Person!.EventTime);
    }

    [Fact]
    public void Normalise_ArchivedEnvelopeMissingData_ThrowsMalformedPayload()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery("""{"type":"contact.updated","timestamp":"2024-05-01T12:00:00Z"}""");

        // Act
        var thrown = Record.Exception(() => NormaliseOne(sut, delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsStandardWebhooks()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("standard-webhooks", provider);
    }

    /// <summary>A Standard Webhooks delivery carries exactly one event.</summary>
    private static NormalisedEvent NormaliseOne(StandardWebhooksNormaliser sut, ArchivedDelivery delivery, ConnectionOptions connection)
    {
        var normalised = sut.Normalise(delivery, connection);
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_DateOfBirthAndAddress_AreReadForMatching()
    {
        // Arrange
        var body = Envelope("""{"id":"c-1","first_name":"Ada","date_of_birth":"1815-12-10","city":"London","postal_code":"W1 2AB"}""");

        // Act
        var person = CreateSut().Normalise(Delivery(body), CreateConnection()).Events[0].Person!;

        // Assert
        Assert.Equal("1815-12-10", person.DateOfBirth);
        Assert.Equal(new PostalLocation("London", null, "W1 2AB", null), person.Location);
    }

    [Fact]
    public void Normalise_NoAddressFields_HasNoLocation()
    {
        var person = CreateSut().Normalise(Delivery(Envelope("""{"id":"c-1"}""")), CreateConnection()).Events[0].Person!;

        Assert.Null(person.Location);
        Assert.Null(person.DateOfBirth);
    }
}
