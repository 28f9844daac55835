using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Shopify;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Shopify;

public sealed class ShopifyNormaliserTests
{
    private const string Vendor = "shopify";
    private const string Connection = "store";
    private const string DeliveryId = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
    private const string EventId = "98880550-7158-44d4-b7cd-2c97c8a091b5";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 3, TimeSpan.Zero);
    private static readonly DateTimeOffset TriggeredAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static ShopifyNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = ShopifyProvider.Id, Secrets = ["shpss_test"] };

    private static Dictionary<string, string> Headers(string? topic, string? eventId = EventId, string? triggeredAt = "2024-05-01T08:00:00-04:00")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ShopifyProvider.WebhookIdHeader] = DeliveryId };
        if (topic is not null)
        {
            headers[ShopifyProvider.TopicHeader] = topic;
        }
        if (eventId is not null)
        {
            headers[ShopifyProvider.EventIdHeader] = eventId;
        }
        if (triggeredAt is not null)
        {
            headers[ShopifyNormaliser.TriggeredAtHeader] = triggeredAt;
        }
        return headers;
    }

    private static ArchivedDelivery Delivery(string body, string? topic = "customers/update", Dictionary<string, string>? headers = null) =>
        new(Connection, ShopifyProvider.Id, DeliveryId, ReceivedAt, headers ?? Headers(topic), Encoding.UTF8.GetBytes(body));

    private static NormalisedEvent NormaliseOne(ShopifyNormaliser sut, ArchivedDelivery delivery)
    {
        var normalised = sut.Normalise(delivery, CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_CustomersCreate_MatchesGoldenFile()
    {
        // Arrange: Shopify's own test-notification customer, delivered without X-Shopify-Triggered-At (as older test
        // notifications were), so the event time falls back to the customer's updated_at.
        const string file = "customers_create.json";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ShopifyProvider.TopicHeader] = "customers/create",
            [ShopifyProvider.WebhookIdHeader] = DeliveryId,
            [ShopifyProvider.EventIdHeader] = EventId,
        };
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(ShopifyProvider.Id, Vendor, file, headers), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Fact]
    public void Normalise_OrdersCreate_MatchesGoldenFile()
    {
        // Arrange: the headers of a current delivery, triggered-at included.
        const string file = "orders_create.json";
        var headers = Headers("orders/create", triggeredAt: "2024-05-01T08:00:00.123456789-04:00");
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(ShopifyProvider.Id, Vendor, file, headers), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"id\":1,")]
    [InlineData("[{\"id\":1}]")]
    [InlineData("\"customer\"")]
    [InlineData("42")]
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
        var problem = sut.Validate(InvalidUtf8Customer(), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Validate_AnyJsonObject_ReturnsNull()
    {
        // Arrange: the topic is a header, so the body alone only has to be a readable resource.
        var sut = CreateSut();

        // Act
        var problem = sut.Validate("""{"id":706405506930370084}"""u8.ToArray(), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"id\":")]
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
        var delivery = Delivery("") with { Body = InvalidUtf8Customer() };

        // Act
        var thrown = Record.Exception(() => sut.Normalise(delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Theory]
    [InlineData("customers/create", InteractionTypes.ProfileCreated)]
    [InlineData("customers/update", InteractionTypes.ProfileUpdated)]
    [InlineData("customers/delete", InteractionTypes.ProfileDeleted)]
    [InlineData("orders/create", InteractionTypes.OrderPlaced)]
    [InlineData("orders/paid", InteractionTypes.PaymentSucceeded)]
    [InlineData("checkouts/create", InteractionTypes.Tracked)]
    [InlineData("ORDERS/CREATE", InteractionTypes.OrderPlaced)]
    public void Normalise_MappedTopic_HasCanonicalTypeAndEnvelopeFields(string topic, string expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, Delivery("""{"id":1,"email":"ada@example.com","customer":{"id":2}}""", topic)).Interaction;

        // Assert
        Assert.Equal(expected, interaction.Type);
        Assert.Equal(EventId, interaction.EventId);
        Assert.Equal(topic, interaction.SourceType);
        Assert.Equal(TriggeredAt, interaction.OccurredAt);
        Assert.Equal(TimeSpan.Zero, interaction.OccurredAt.Offset);
        Assert.Equal(Connection, interaction.Source);
        Assert.Equal(ShopifyProvider.Id, interaction.Provider);
        Assert.Equal(DeliveryId, interaction.DeliveryId);
    }

    [Theory]
    [InlineData("products/create")]
    [InlineData("orders/updated")]
    [InlineData("customers/enable")]
    public void Normalise_UnmappedTopic_IsRecordedAsUnmapped(string topic)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(Delivery("""{"id":632910392,"title":"IPod Nano"}""", topic), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(topic, EventId, TriggeredAt), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_NoTopicHeader_IsUnmappedNotAnError()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(Delivery("""{"id":1,"email":"ada@example.com"}""", topic: null), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(ShopifyNormaliser.MissingTopic, Assert.Single(normalised.Unmapped).SourceType);
    }

    [Fact]
    public void Normalise_HeadersInAnotherCaseInACaseSensitiveDictionary_AreStillRead()
    {
        // Arrange: the archive stores header names lowercased.
        var sut = CreateSut();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["x-shopify-topic"] = "customers/update",
            ["x-shopify-event-id"] = EventId,
            ["x-shopify-triggered-at"] = "2024-05-01T12:00:00Z",
        };

        // Act
        var interaction = NormaliseOne(sut, Delivery("""{"id":1}""", headers: headers)).Interaction;

        // Assert
        Assert.Equal(InteractionTypes.ProfileUpdated, interaction.Type);
        Assert.Equal(EventId, interaction.EventId);
        Assert.Equal(TriggeredAt, interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_NoEventIdHeader_UsesDeliveryId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, Delivery("""{"id":1}""", headers: Headers("customers/update", eventId: null))).Interaction;

        // Assert
        Assert.Equal(DeliveryId, interaction.EventId);
    }

    [Fact]
    public void Normalise_NoTriggeredAtHeader_UsesUpdatedAtInUtc()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(
            """{"id":1,"created_at":"2024-04-01T10:00:00-04:00","updated_at":"2024-04-02T10:00:00-04:00"}""",
            headers: Headers("customers/update", triggeredAt: null));

        // Act
        var normalised = NormaliseOne(sut, delivery);

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 14, 0, 0, TimeSpan.Zero), normalised.Interaction.OccurredAt);
        Assert.Equal(normalised.Interaction.OccurredAt, normalised.Person!.EventTime);
    }

    [Fact]
    public void Normalise_NoTimeAnywhere_FallsBackToArrivalTime()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, Delivery("""{"id":1}""", headers: Headers("customers/delete", triggeredAt: null))).Interaction;

        // Assert
        Assert.Equal(ReceivedAt, interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_Customer_ReadsEveryTraitNormalised()
    {
        // Arrange
        var sut = CreateSut(region: "CA");
        var delivery = Delivery("""
            {"id":207119551,"email":"Bob.Norman@Mail.Example.com","first_name":" Bob ","last_name":"Norman","phone":"613-555-0123",
             "email_marketing_consent":{"state":"subscribed","opt_in_level":"single_opt_in","consent_updated_at":"2024-01-02T08:59:11-05:00"},
             "sms_marketing_consent":{"state":"unsubscribed","opt_in_level":"single_opt_in"},
             "default_address":{"company":"Norman Inc","city":"Ottawa","province":"Ontario","province_code":"ON","zip":"K2P 0V6","country":"Canada","country_code":"CA"}}
            """);

        // Act
        var person = NormaliseOne(sut, delivery).Person;

        // Assert
        Assert.Equal(
            new PersonTraits("207119551", TriggeredAt, "bob.norman@mail.example.com", "Bob", "Norman", "+16135550123", "Norman Inc",
                new PostalLocation("Ottawa", "ON", "K2P 0V6", "CA"),
                [new ConsentStatement("email", ConsentStatuses.Subscribed), new ConsentStatement("sms", ConsentStatuses.Unsubscribed)]),
            person);
    }

    [Theory]
    [InlineData("subscribed", ConsentStatuses.Subscribed)]
    [InlineData("unsubscribed", ConsentStatuses.Unsubscribed)]
    [InlineData("pending", ConsentStatuses.Pending)]
    [InlineData("invalid", ConsentStatuses.Undeliverable)]
    [InlineData("SUBSCRIBED", ConsentStatuses.Subscribed)]
    public void Normalise_EmailMarketingConsentState_IsEmailConsentStatement(string state, string expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Delivery($$$"""{"id":1,"email_marketing_consent":{"state":"{{{state}}}"}}""")).Person!;

        // Assert
        Assert.Equal([new ConsentStatement("email", expected)], person.Consents);
    }

    [Theory]
    [InlineData("not_subscribed")]
    [InlineData("redacted")]
    public void Normalise_EmailMarketingConsentThatStatesNothing_MakesNoStatement(string state)
    {
        // Arrange: a customer who was never asked has said nothing; recording "unsubscribed" would override a
        // subscription made elsewhere.
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Delivery($$$"""{"id":1,"accepts_marketing":true,"email_marketing_consent":{"state":"{{{state}}}"}}""")).Person!;

        // Assert
        Assert.Null(person.Consents);
    }

    [Theory]
    [InlineData("""{"id":1,"accepts_marketing":true}""", ConsentStatuses.Subscribed)]
    [InlineData("""{"id":1,"accepts_marketing":false,"accepts_marketing_updated_at":"2024-01-01T00:00:00Z"}""", ConsentStatuses.Unsubscribed)]
    [InlineData("""{"id":1,"accepts_marketing":false,"accepts_marketing_updated_at":null}""", null)]
    [InlineData("""{"id":1,"accepts_marketing":null}""", null)]
    public void Normalise_LegacyAcceptsMarketing_IsReadOnlyWhenExplicit(string body, string? expected)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Delivery(body)).Person!;

        // Assert
        Assert.Equal(expected is null ? null : [new ConsentStatement("email", expected)], person.Consents);
    }

    [Theory]
    [InlineData("subscribed", InteractionTypes.Subscribed, ConsentStatuses.Subscribed)]
    [InlineData("unsubscribed", InteractionTypes.Unsubscribed, ConsentStatuses.Unsubscribed)]
    [InlineData("pending", InteractionTypes.ProfileUpdated, ConsentStatuses.Pending)]
    public void Normalise_EmailConsentTopic_IsSubscriptionChange(string state, string expectedType, string expectedStatus)
    {
        // Arrange
        var sut = CreateSut();
        var body = $$$"""
            {"customer_id":706405506930370084,"email_address":"Bob@Biller.com","email_marketing_consent":{"state":"{{{state}}}","opt_in_level":"single_opt_in","consent_updated_at":null}}
            """;

        // Act
        var normalised = NormaliseOne(sut, Delivery(body, "customers_email_marketing_consent/update"));

        // Assert
        Assert.Equal(expectedType, normalised.Interaction.Type);
        Assert.Equal($"Email marketing consent: {state}", normalised.Interaction.Summary);
        Assert.Equal(
            new PersonTraits("706405506930370084", TriggeredAt, "bob@biller.com", null, null, null,
                Consents: [new ConsentStatement("email", expectedStatus)]),
            normalised.Person);
    }

    [Fact]
    public void Normalise_SmsConsentTopic_IsSmsSubscription()
    {
        // Arrange
        var sut = CreateSut();
        var body = """{"id":706405506930370084,"phone":"+16135550123","sms_marketing_consent":{"state":"subscribed","opt_in_level":"single_opt_in"}}""";

        // Act
        var normalised = NormaliseOne(sut, Delivery(body, "customers_marketing_consent/update"));

        // Assert
        Assert.Equal(InteractionTypes.Subscribed, normalised.Interaction.Type);
        Assert.Equal(
            new PersonTraits("706405506930370084", TriggeredAt, null, null, null, "+16135550123", Consents: [new ConsentStatement("sms", ConsentStatuses.Subscribed)]),
            normalised.Person);
    }

    [Fact]
    public void Normalise_OrdersPaid_IsPaymentOfTheCustomer()
    {
        // Arrange
        var sut = CreateSut();
        var body = """
            {"id":450789469,"name":"#1001","email":"bob@example.com","total_price":"59.00","currency":"usd",
             "line_items":[{"quantity":2},{"quantity":1}],"customer":{"id":207119551,"email":"bob@example.com","first_name":"Bob"}}
            """;

        // Act
        var normalised = NormaliseOne(sut, Delivery(body, "orders/paid"));

        // Assert
        Assert.Equal(InteractionTypes.PaymentSucceeded, normalised.Interaction.Type);
        Assert.Equal("Order #1001 paid, USD 59.00", normalised.Interaction.Summary);
        Assert.Equal("207119551", normalised.Person!.SourceRecordId);
    }

    [Fact]
    public void Normalise_OrderSummary_CountsUnitsWithoutPersonalData()
    {
        // Arrange
        var sut = CreateSut();
        var body = """
            {"id":1,"name":"#1002","email":"ada@example.com","total_price":"12.50","currency":"EUR","line_items":[{"quantity":2,"name":"Ada's gift"},{"quantity":3}],
             "customer":{"id":9,"first_name":"Ada","last_name":"Lovelace"}}
            """;

        // Act
        var summary = NormaliseOne(sut, Delivery(body, "orders/create")).Interaction.Summary;

        // Assert
        Assert.Equal("Order #1002 placed, 5 items, EUR 12.50", summary);
    }

    [Fact]
    public void Normalise_BuyerAcceptsMarketing_IsEmailSubscription()
    {
        // Arrange
        var sut = CreateSut();
        var body = """{"id":1,"email":"ada@example.com","buyer_accepts_marketing":true,"customer":{"id":9,"accepts_marketing":false}}""";

        // Act
        var person = NormaliseOne(sut, Delivery(body, "orders/create")).Person!;

        // Assert
        Assert.Equal([new ConsentStatement("email", ConsentStatuses.Subscribed)], person.Consents);
    }

    [Fact]
    public void Normalise_GuestCheckoutWithEmail_PersonKnownByEmailAndBillingAddress()
    {
        // Arrange
        var sut = CreateSut();
        var body = """
            {"id":981820079,"token":"abc","email":"Guest@Example.com","buyer_accepts_marketing":false,"total_price":"20.00","currency":"USD",
             "line_items":[{"quantity":1}],"billing_address":{"first_name":"Ada","last_name":"Guest","city":"Boston","province_code":"MA","zip":"02110","country_code":"US","company":"Analytical"}}
            """;

        // Act
        var normalised = NormaliseOne(sut, Delivery(body, "checkouts/create"));

        // Assert
        Assert.Equal(
            new PersonTraits(null, TriggeredAt, "guest@example.com", "Ada", "Guest", null, "Analytical", new PostalLocation("Boston", "MA", "02110", "US")),
            normalised.Person);
        Assert.Equal("Checkout started, 1 item, USD 20.00", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_CheckoutWithoutEmailOrCustomer_PersonIsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = NormaliseOne(sut, Delivery("""{"id":1,"email":null,"customer":null,"line_items":[]}""", "checkouts/create"));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.Tracked, normalised.Interaction.Type);
    }

    [Fact]
    public void Provider_IsShopify()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("shopify", provider);
    }

    /// <summary>A customer whose email holds the bytes C3 28 (not UTF-8).</summary>
    private static byte[] InvalidUtf8Customer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"id":1,"email":"aXX@example.com"}""");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }
}
