using System.Text;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.SendGrid;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.SendGrid;

public sealed class SendGridNormaliserTests
{
    private const string Vendor = "sendgrid";
    private const string Connection = "mail";
    private const string DeliveryId = "sha256-0f1e2d";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SendGridNormaliser CreateSut() => new();

    private static ConnectionOptions CreateConnection() =>
        new() { Provider = SendGridProvider.Id, PublicKeys = ["MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, SendGridProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Event(string type, string extra = "", string email = "ada@example.com", long timestamp = 1763890000, string id = "sg-1") =>
        $$"""{"email":"{{email}}","timestamp":{{timestamp}},"event":"{{type}}","sg_event_id":"{{id}}"{{extra}}}""";

    private static NormalisedEvent NormaliseOne(string element)
    {
        var normalised = CreateSut().Normalise(Delivery($"[{element}]"), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_DeliveryEvents_MatchesGoldenFile() => AssertGolden("delivery_events.json");

    [Fact]
    public void Normalise_EngagementEvents_MatchesGoldenFile() => AssertGolden("engagement_events.json");

    [Fact]
    public void Normalise_SignatureVector0DroppedBody_MatchesGoldenFile() => AssertVectorGolden(0);

    [Fact]
    public void Normalise_SignatureVector1ProcessedAndBlockedBody_MatchesGoldenFile() => AssertVectorGolden(1);

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(SendGridProvider.Id, Vendor, file), CreateConnection()));

    /// <summary>SendGrid's own test bodies, read from the signature vectors so that the bytes stay those SendGrid signed.</summary>
    private static void AssertVectorGolden(int index)
    {
        using var vectors = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "signatures", "sendgrid.json")));
        var body = vectors.RootElement[index].GetProperty("body").GetString()!;
        // The same connection, delivery id and arrival time as GoldenFile.Delivery gives a payload sample.
        var golden = new ArchivedDelivery("golden", SendGridProvider.Id, "d-1", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body));
        GoldenFile.AssertMatches(Vendor, $"signature-vector-{index}.json", CreateSut().Normalise(golden, CreateConnection()));
    }

    [Theory]
    [InlineData("delivered", InteractionTypes.EmailDelivered, "Email delivered")]
    [InlineData("open", InteractionTypes.EmailOpened, "Email opened")]
    [InlineData("click", InteractionTypes.EmailClicked, "Email link clicked")]
    [InlineData("bounce", InteractionTypes.EmailBounced, "Email bounced")]
    [InlineData("dropped", InteractionTypes.EmailBounced, "Email dropped")]
    [InlineData("spamreport", InteractionTypes.EmailComplained, "Email marked as spam")]
    [InlineData("unsubscribe", InteractionTypes.Unsubscribed, "Unsubscribed from all email")]
    [InlineData("group_unsubscribe", InteractionTypes.Unsubscribed, "Unsubscribed from suppression group")]
    [InlineData("group_resubscribe", InteractionTypes.Subscribed, "Resubscribed to suppression group")]
    public void Normalise_MappedType_GivesCanonicalInteraction(string type, string expectedType, string expectedSummary)
    {
        // Act
        var normalised = NormaliseOne(Event(type, email: "  Ada@Example.COM "));

        // Assert
        Assert.Equal(
            new Interaction(expectedType, "sg-1", DateTimeOffset.FromUnixTimeSeconds(1763890000), Connection, SendGridProvider.Id, DeliveryId, type, expectedSummary),
            normalised.Interaction);
        Assert.Equal("ada@example.com", normalised.Person!.Email);
        Assert.Null(normalised.Person.SourceRecordId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1763890000), normalised.Person.EventTime);
    }

    [Theory]
    [InlineData("processed")]
    [InlineData("deferred")]
    [InlineData("account_status_change")]
    [InlineData("Delivered")]
    public void Normalise_UnmappedType_IsRecordedUnmappedWithoutError(string type)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery($"[{Event(type)}]"), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(type, "sg-1", DateTimeOffset.FromUnixTimeSeconds(1763890000)), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_Batch_GivesOneEntryPerElementInOrder()
    {
        // Arrange
        var body = $"[{Event("delivered", id: "a")},{Event("processed", id: "b")},{Event("open", id: "c")},{Event("click", id: "d")}]";

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal(["a", "c", "d"], normalised.Events.Select(e => e.Interaction.EventId));
        Assert.Equal("b", Assert.Single(normalised.Unmapped).EventId);
        Assert.All(normalised.Events, e => Assert.Equal(DeliveryId, e.DeliveryId));
    }

    [Fact]
    public void Normalise_ElementWithoutIdOrTime_DerivesIdFromPositionAndUsesArrivalTime()
    {
        // Arrange
        var body = """[{"email":"a@example.com","event":"processed"},{"email":"b@example.com","event":"delivered"}]""";

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        var delivered = Assert.Single(normalised.Events);
        Assert.Equal($"{DeliveryId}:1", delivered.Interaction.EventId);
        Assert.Equal(ReceivedAt, delivered.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, delivered.Person!.EventTime);
        Assert.Equal(new UnmappedEvent("processed", $"{DeliveryId}:0", null), Assert.Single(normalised.Unmapped));
    }

    [Theory]
    [InlineData("""{"email":"a@example.com"}""")]
    [InlineData("42")]
    public void Normalise_ElementWithoutEventType_IsUnmappedAsMissing(string element)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery($"[{element}]"), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(SendGridNormaliser.MissingType, Assert.Single(normalised.Unmapped).SourceType);
    }

    [Theory]
    [InlineData("bounce", "", ConsentStatuses.Undeliverable)]
    [InlineData("bounce", ""","type":"bounce" """, ConsentStatuses.Undeliverable)]
    [InlineData("bounce", ""","type":"blocked" """, null)]
    [InlineData("dropped", ""","reason":"Bounced Address" """, ConsentStatuses.Undeliverable)]
    [InlineData("dropped", ""","reason":"Invalid" """, ConsentStatuses.Undeliverable)]
    [InlineData("dropped", ""","reason":"Unsubscribed Address" """, null)]
    [InlineData("dropped", ""","reason":"Spam Content (if spam checker app enabled)" """, null)]
    [InlineData("spamreport", "", ConsentStatuses.Unsubscribed)]
    [InlineData("unsubscribe", "", ConsentStatuses.Unsubscribed)]
    [InlineData("group_unsubscribe", ""","asm_group_id":42""", null)]
    [InlineData("group_resubscribe", ""","asm_group_id":42""", null)]
    [InlineData("delivered", "", null)]
    [InlineData("open", "", null)]
    public void Normalise_EventType_StatesEmailConsentOnlyWhenExplicit(string type, string extra, string? expected)
    {
        // Act
        var person = NormaliseOne(Event(type, extra)).Person!;

        // Assert
        Assert.Equal(expected is null ? null : [new ConsentStatement("email", expected)], person.Consents);
    }

    [Theory]
    [InlineData("bounce", ""","type":"bounce","status":"5.1.1","reason":"550 no such user ada@example.com" """, "Email bounced (status 5.1.1)")]
    [InlineData("bounce", ""","type":"blocked","status":"5.7.1" """, "Email blocked by the receiving server (status 5.7.1)")]
    [InlineData("bounce", ""","status":"ada@example.com" """, "Email bounced")]
    [InlineData("dropped", ""","reason":"Bounced Address" """, "Email dropped: Bounced Address")]
    [InlineData("dropped", ""","reason":"Could not reach ada@example.com" """, "Email dropped")]
    [InlineData("open", ""","sg_machine_open":true""", "Email opened (machine open)")]
    [InlineData("click", ""","url":"https://example.com/?u=ada%40example.com" """, "Email link clicked")]
    [InlineData("group_unsubscribe", ""","asm_group_id":42""", "Unsubscribed from suppression group 42")]
    public void Normalise_Summary_DescribesWithoutPersonalData(string type, string extra, string expected)
    {
        // Act
        var summary = NormaliseOne(Event(type, extra)).Interaction.Summary;

        // Assert
        Assert.Equal(expected, summary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("   ")]
    public void Normalise_NoUsableEmail_PersonIsNull(string email)
    {
        // Act
        var normalised = NormaliseOne(Event("unsubscribe", email: email));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.Unsubscribed, normalised.Interaction.Type);
    }

    [Fact]
    public void Normalise_EmptyBatch_GivesNothing()
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery("[]"), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Empty(normalised.Unmapped);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("")]
    [InlineData("[{\"event\":\"open\",")]
    [InlineData("""{"event":"open","email":"ada@example.com"}""")]
    [InlineData("\"open\"")]
    public void Validate_MalformedBody_IsMalformedPayload400(string body)
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(body), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(400, problem.Status);
        Assert.Equal(MalformedPayloadType, problem.Type);
        Assert.DoesNotContain("ada", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidUtf8_IsMalformedPayload400()
    {
        // Arrange
        byte[] body = [.. "[{\"email\":\"a"u8, 0xC3, 0x28, .. "@example.com\"}]"u8];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Fact]
    public void Validate_Batch_ReturnsNull()
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes($"[{Event("open")}]"), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("payload")]
    [InlineData("""{"event":"open"}""")]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload(string body)
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery(body), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsSendGrid()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("sendgrid", provider);
    }
}
