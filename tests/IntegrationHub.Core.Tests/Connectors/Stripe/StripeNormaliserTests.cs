using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Stripe;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Stripe;

public sealed class StripeNormaliserTests
{
    private const string Vendor = "stripe";
    private const string Connection = "billing";
    private const string DeliveryId = "evt_1PgafyB7WZ01zgkW";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2024, 7, 26, 13, 20, 5, TimeSpan.Zero);

    /// <summary>2024-07-26T13:20:00Z, the <c>created</c> of every event built here.</summary>
    private const long Created = 1722000000;

    private static StripeNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = StripeProvider.Id, Secrets = ["whsec_test"] };

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, StripeProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Event(string type, string dataObject, string id = "evt_test_1", string extraData = "") =>
        $$$"""{"id":"{{{id}}}","object":"event","type":"{{{type}}}","created":{{{Created}}},"data":{"object":{{{dataObject}}}{{{extraData}}}}}""";

    /// <summary>Wraps a bare Stripe object (an event's <c>data.object</c>) in the smallest event envelope Stripe sends.</summary>
    private static byte[] Envelope(string type, string eventId, byte[] dataObject) =>
        [.. Encoding.UTF8.GetBytes($$"""{"id":"{{eventId}}","object":"event","type":"{{type}}","created":{{Created}},"data":{"object":"""),
         .. dataObject,
         .. "}}"u8];

    [Fact]
    public void Normalise_CustomerCreated_MatchesGoldenFile() => AssertGolden("customer.created.json");

    [Fact]
    public void Normalise_CustomerUpdated_MatchesGoldenFile() => AssertGolden("customer.updated.json");

    private static void AssertGolden(string file)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(StripeProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Fact]
    public void Normalise_CheckoutSessionObjectFixture_MatchesGoldenFile()
    {
        // Arrange: the sample is a bare checkout.session object (an event's data.object) from Stripe's OpenAPI fixtures,
        // so it is wrapped here in a minimal checkout.session.completed envelope (id evt_test_…, created 1722000000).
        const string file = "checkout.session.object.fixture.json";
        var sut = CreateSut();
        var delivery = GoldenFile.Delivery(StripeProvider.Id, Vendor, file) with
        {
            Body = Envelope("checkout.session.completed", "evt_test_checkout_session_completed", GoldenFile.Payload(Vendor, file)),
        };

        // Act
        var normalised = sut.Normalise(delivery, CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Fact]
    public void Normalise_CustomerDataObjectFixture_MatchesGoldenFile()
    {
        // Arrange: the sample is a bare customer object (an event's data.object) from Stripe's OpenAPI fixtures, so it is
        // wrapped here in a minimal customer.created envelope (id evt_test_…, created 1722000000).
        const string file = "customer.data.object.fixture.json";
        var sut = CreateSut();
        var delivery = GoldenFile.Delivery(StripeProvider.Id, Vendor, file) with
        {
            Body = Envelope("customer.created", "evt_test_customer_created", GoldenFile.Payload(Vendor, file)),
        };

        // Act
        var normalised = sut.Normalise(delivery, CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"type\":\"customer.created\",")]
    [InlineData("[{\"type\":\"customer.created\"}]")]
    [InlineData("\"customer.created\"")]
    [InlineData("""{"id":"evt_1","data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","type":"","data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","type":7,"data":{"object":{}}}""")]
    [InlineData("""{"id":"evt_1","type":"customer.created","data":[]}""")]
    [InlineData("""{"id":"evt_1","type":"customer.created","data":{"object":"cus_1"}}""")]
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
    public void Validate_MalformedBody_DetailCarriesNoPayloadValue()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes("""{"type":42,"data":{"object":{"email":"ada@example.com"}}}"""), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.DoesNotContain("ada@example.com", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsMalformedPayload400()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(InvalidUtf8Event(), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":"evt_1","data":{"object":{}}}""")]
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
        var delivery = Delivery("") with { Body = InvalidUtf8Event() };

        // Act
        var thrown = Record.Exception(() => sut.Normalise(delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Validate_WellFormedEvent_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(Event("customer.created", """{"id":"cus_1"}""")), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("customer.created", InteractionTypes.ProfileCreated)]
    [InlineData("customer.updated", InteractionTypes.ProfileUpdated)]
    [InlineData("customer.deleted", InteractionTypes.ProfileDeleted)]
    [InlineData("checkout.session.completed", InteractionTypes.OrderPlaced)]
    [InlineData("payment_intent.succeeded", InteractionTypes.PaymentSucceeded)]
    [InlineData("charge.succeeded", InteractionTypes.PaymentSucceeded)]
    [InlineData("invoice.paid", InteractionTypes.PaymentSucceeded)]
    public void Normalise_MappedType_HasCanonicalTypeAndEnvelopeFields(string type, string expected)
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event(type, """{"id":"x_1","customer":"cus_1","email":"ada@example.com"}""", id: "evt_mapped"));

        // Act
        var normalised = sut.Normalise(delivery, CreateConnection());

        // Assert
        Assert.Empty(normalised.Unmapped);
        var interaction = Assert.Single(normalised.Events).Interaction;
        Assert.Equal(expected, interaction.Type);
        Assert.Equal("evt_mapped", interaction.EventId);
        Assert.Equal(type, interaction.SourceType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Created), interaction.OccurredAt);
        Assert.Equal(Connection, interaction.Source);
        Assert.Equal(StripeProvider.Id, interaction.Provider);
        Assert.Equal(DeliveryId, interaction.DeliveryId);
    }

    [Theory]
    [InlineData("invoice.payment_failed")]
    [InlineData("customer.subscription.created")]
    [InlineData("v1.billing.meter.error_report_triggered")]
    public void Normalise_UnmappedType_IsRecordedAsUnmapped(string type)
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event(type, """{"id":"in_1","customer":"cus_1"}""", id: "evt_unmapped"));

        // Act
        var normalised = sut.Normalise(delivery, CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(type, "evt_unmapped", DateTimeOffset.FromUnixTimeSeconds(Created)), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_ThinEventWithoutData_IsUnmappedWithItsIsoTime()
    {
        // Arrange: v2 "thin" events carry no data.object and an ISO 8601 created time.
        var sut = CreateSut();
        var delivery = Delivery("""
            {"id":"evt_thin","object":"v2.core.event","type":"v1.billing.meter.no_meter_found","created":"2024-09-17T06:20:52.246Z","related_object":{"id":"mtr_1"}}
            """);

        // Act
        var normalised = sut.Normalise(delivery, CreateConnection());

        // Assert
        var unmapped = Assert.Single(normalised.Unmapped);
        Assert.Equal(new DateTimeOffset(2024, 9, 17, 6, 20, 52, 246, TimeSpan.Zero), unmapped.OccurredAt);
    }

    [Fact]
    public void Normalise_CustomerCreated_ReadsEveryTraitNormalised()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("customer.created", """
            {"id":"cus_NffrFeUfNV2Hib","object":"customer","email":" Jenny.Rosen@Example.COM ","name":"Jenny  Rosen","phone":"(415) 555-2671",
             "business_name":"Rosen Labs","address":{"city":"San Francisco","state":"CA","postal_code":"94111","country":"US","line1":"1 Main St"}}
            """));

        // Act
        var person = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events).Person;

        // Assert
        Assert.Equal(
            new PersonTraits("cus_NffrFeUfNV2Hib", DateTimeOffset.FromUnixTimeSeconds(Created), "jenny.rosen@example.com", "Jenny", "Rosen",
                "+14155552671", "Rosen Labs", new PostalLocation("San Francisco", "CA", "94111", "US")),
            person);
    }

    [Fact]
    public void Normalise_CustomerUpdated_SummaryNamesChangedFieldsNotValues()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event(
            "customer.updated",
            """{"id":"cus_1","email":"new@example.com"}""",
            extraData: ""","previous_attributes":{"email":"old@example.com","metadata":{"tier":"gold"}}"""));

        // Act
        var interaction = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events).Interaction;

        // Assert
        Assert.Equal("Customer updated: email, metadata", interaction.Summary);
    }

    [Fact]
    public void Normalise_CheckoutSessionCompleted_ReadsBuyerFromCustomerDetails()
    {
        // Arrange
        var sut = CreateSut(region: "GB");
        var delivery = Delivery(Event("checkout.session.completed", """
            {"id":"cs_test_1","object":"checkout.session","customer":"cus_9","customer_email":"other@example.com","mode":"payment",
             "amount_total":5900,"currency":"gbp",
             "customer_details":{"email":"Ada@Example.com","name":"Ada King Lovelace","phone":"020 7946 0958","business_name":null,
                                 "address":{"city":"London","country":"GB","postal_code":"EC1A 1BB","state":null}}}
            """));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Equal(
            new PersonTraits("cus_9", DateTimeOffset.FromUnixTimeSeconds(Created), "ada@example.com", "Ada", "King Lovelace",
                "+442079460958", null, new PostalLocation("London", null, "EC1A 1BB", "GB")),
            normalised.Person);
        Assert.Equal("Checkout completed (payment), GBP 59.00", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_GuestCheckoutWithOnlyCustomerEmail_PersonKnownByEmail()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("checkout.session.completed", """
            {"id":"cs_test_2","customer":null,"customer_email":"guest@example.com","customer_details":null}
            """));

        // Act
        var person = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events).Person!;

        // Assert
        Assert.Null(person.SourceRecordId);
        Assert.Equal("guest@example.com", person.Email);
    }

    [Theory]
    [InlineData("\"opt_in\"", ConsentStatuses.Subscribed)]
    [InlineData("\"opt_out\"", ConsentStatuses.Unsubscribed)]
    public void Normalise_CheckoutPromotionsConsent_IsEmailConsentStatement(string promotions, string expected)
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("checkout.session.completed", $$$"""
            {"id":"cs_test_3","customer_details":{"email":"ada@example.com"},"consent":{"promotions":{{{promotions}}},"terms_of_service":"accepted"}}
            """));

        // Act
        var person = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events).Person!;

        // Assert
        Assert.Equal([new ConsentStatement("email", expected)], person.Consents);
    }

    [Fact]
    public void Normalise_CheckoutWithoutPromotionsChoice_MakesNoConsentStatement()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("checkout.session.completed", """
            {"id":"cs_test_4","customer_details":{"email":"ada@example.com"},"consent":{"promotions":null}}
            """));

        // Act
        var person = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events).Person!;

        // Assert
        Assert.Null(person.Consents);
    }

    [Fact]
    public void Normalise_PaymentIntentSucceeded_ReadsCustomerAndReceiptEmail()
    {
        // Arrange: shipping names the recipient, who may not be the payer, so it is not read.
        var sut = CreateSut();
        var delivery = Delivery(Event("payment_intent.succeeded", """
            {"id":"pi_1","customer":"cus_2","receipt_email":"payer@example.com","amount":2000,"amount_received":2000,"currency":"usd",
             "shipping":{"name":"Someone Else","phone":"+14155552671"}}
            """));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Equal(new PersonTraits("cus_2", DateTimeOffset.FromUnixTimeSeconds(Created), "payer@example.com", null, null, null), normalised.Person);
        Assert.Equal("Payment succeeded, USD 20.00", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_GuestPaymentIntentWithoutEmail_PersonIsNull()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("payment_intent.succeeded", """{"id":"pi_2","customer":null,"receipt_email":null,"amount_received":500,"currency":"eur"}"""));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.PaymentSucceeded, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_ChargeSucceeded_ReadsBillingDetails()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("charge.succeeded", """
            {"id":"ch_1","customer":{"id":"cus_3","object":"customer"},"amount":500,"currency":"jpy","receipt_email":"receipt@example.com",
             "billing_details":{"email":"Billing@Example.com","name":"Grace Hopper","phone":null,"address":{"city":"Arlington","state":"VA","postal_code":null,"country":"US"}}}
            """));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Equal(
            new PersonTraits("cus_3", DateTimeOffset.FromUnixTimeSeconds(Created), "billing@example.com", "Grace", "Hopper", null, null,
                new PostalLocation("Arlington", "VA", null, "US")),
            normalised.Person);
        Assert.Equal("Charge succeeded, JPY 500", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_InvoicePaid_ReadsCustomerFieldsAndNamesInvoice()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("invoice.paid", """
            {"id":"in_1","number":"ABC-0001","customer":"cus_4","customer_email":"ap@example.com","customer_name":"Alan Turing",
             "customer_phone":"+44 20 7946 0958","customer_address":null,"amount_paid":12345,"currency":"kwd"}
            """));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Equal(
            new PersonTraits("cus_4", DateTimeOffset.FromUnixTimeSeconds(Created), "ap@example.com", "Alan", "Turing", "+442079460958"),
            normalised.Person);
        Assert.Equal("Invoice ABC-0001 paid, KWD 12.345", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_SummaryOfEveryMappedType_CarriesNoPersonalData()
    {
        // Arrange
        var sut = CreateSut();
        const string subject = """
            {"id":"x_1","customer":"cus_1","email":"ada@example.com","name":"Ada Lovelace","receipt_email":"ada@example.com","customer_email":"ada@example.com",
             "customer_name":"Ada Lovelace","customer_details":{"email":"ada@example.com","name":"Ada Lovelace"},"amount":100,"currency":"usd"}
            """;

        foreach (var type in StripeEventMap.ByType.Keys)
        {
            // Act
            var summary = Assert.Single(sut.Normalise(Delivery(Event(type, subject)), CreateConnection()).Events).Interaction.Summary!;

            // Assert
            Assert.DoesNotContain("ada", summary, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Lovelace", summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Normalise_EventWithoutCreatedOrId_FallsBackToArrivalTimeAndDeliveryId()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery("""{"object":"event","type":"customer.created","data":{"object":{"id":"cus_5"}}}""");

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
    }

    [Fact]
    public void Normalise_CustomerWithoutEmailOrId_PersonIsNull()
    {
        // Arrange
        var sut = CreateSut();
        var delivery = Delivery(Event("customer.updated", """{"object":"customer","email":"not-an-email","name":"Ada"}"""));

        // Act
        var normalised = Assert.Single(sut.Normalise(delivery, CreateConnection()).Events);

        // Assert
        Assert.Null(normalised.Person);
    }

    [Fact]
    public void Provider_IsStripe()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("stripe", provider);
    }

    /// <summary>A customer.created event whose email holds the bytes C3 28 (not UTF-8).</summary>
    private static byte[] InvalidUtf8Event()
    {
        var bytes = Encoding.UTF8.GetBytes(Event("customer.created", """{"id":"cus_1","email":"aXX@example.com"}"""));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }
}
