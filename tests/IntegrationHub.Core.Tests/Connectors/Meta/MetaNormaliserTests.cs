using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Meta;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Tests.Connectors.Meta;

public sealed class MetaNormaliserTests
{
    private const string Vendor = "meta";
    private const string Connection = "lead-ads";
    private const string DeliveryId = "sha256-abc";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CreatedTime = DateTimeOffset.FromUnixTimeSeconds(1763889998);
    private static readonly DateTimeOffset EntryTime = DateTimeOffset.FromUnixTimeSeconds(1763890000);

    private static MetaNormaliser CreateSut() => new();

    private static ConnectionOptions CreateConnection() => new() { Provider = MetaProvider.Id, Secrets = ["app-secret"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, MetaProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Notification(string changes, string entryTime = "1763890000") =>
        $$$"""{"object":"page","entry":[{"id":"1098","time":{{{entryTime}}},"changes":[{{{changes}}}]}]}""";

    private static string Leadgen(string leadId = "\"2345\"", string extra = ",\"ad_id\":\"1202\",\"created_time\":1763889998") =>
        $$$"""{"field":"leadgen","value":{"form_id":"1234","leadgen_id":{{{leadId}}},"page_id":"1098"{{{extra}}}}}""";

    [Fact]
    public void Normalise_Leadgen_MatchesGoldenFile() => AssertGolden("leadgen.json");

    [Fact]
    public void Normalise_LeadgenBatchMixed_MatchesGoldenFile() => AssertGolden("leadgen_batch_mixed.json");

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(MetaProvider.Id, Vendor, file), CreateConnection()));

    [Fact]
    public void Normalise_LeadgenChange_IsLeadCreatedKnownByLeadIdOnly()
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Notification(Leadgen())), CreateConnection());

        // Assert
        Assert.Empty(normalised.Unmapped);
        var lead = Assert.Single(normalised.Events);
        Assert.Equal(
            new Interaction(InteractionTypes.LeadCreated, "2345", CreatedTime, Connection, MetaProvider.Id, DeliveryId,
                MetaNormaliser.LeadgenField, "Lead form 1234 submitted from ad 1202"),
            lead.Interaction);
        Assert.Equal(new PersonTraits("2345", CreatedTime, null, null, null, null), lead.Person);
    }

    [Theory]
    [InlineData("2345", "2345")]
    [InlineData("\" 2345 \"", "2345")]
    public void Normalise_LeadIdAsNumberOrString_ReadsItAsText(string leadId, string expected)
    {
        // Act
        var lead = Assert.Single(CreateSut().Normalise(Delivery(Notification(Leadgen(leadId))), CreateConnection()).Events);

        // Assert
        Assert.Equal(expected, lead.Person!.SourceRecordId);
        Assert.Equal(expected, lead.Interaction.EventId);
    }

    [Theory]
    [InlineData("", "1763890000", 1763890000000L)]
    [InlineData("", "1763890000123", 1763890000123L)]
    [InlineData(",\"created_time\":\"1763889998\"", "1763890000", 1763889998000L)]
    public void Normalise_LeadTime_IsCreatedTimeElseEntryTime(string extra, string entryTime, long expectedMs)
    {
        // Act
        var lead = Assert.Single(CreateSut().Normalise(Delivery(Notification(Leadgen(extra: extra), entryTime)), CreateConnection()).Events);

        // Assert
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMs), lead.Interaction.OccurredAt);
        Assert.Equal(lead.Interaction.OccurredAt, lead.Person!.EventTime);
    }

    [Fact]
    public void Normalise_NoTimeAtAll_UsesArrivalTime()
    {
        // Arrange
        var body = $$"""{"object":"page","entry":[{"id":"1098","changes":[{{Leadgen(extra: "")}}]}]}""";

        // Act
        var lead = Assert.Single(CreateSut().Normalise(Delivery(body), CreateConnection()).Events);

        // Assert
        Assert.Equal(ReceivedAt, lead.Interaction.OccurredAt);
    }

    [Fact]
    public void Normalise_OrganicLead_SummaryHasNoAd()
    {
        // Act
        var lead = Assert.Single(CreateSut().Normalise(Delivery(Notification(Leadgen(extra: ""))), CreateConnection()).Events);

        // Assert
        Assert.Equal("Lead form 1234 submitted", lead.Interaction.Summary);
    }

    [Fact]
    public void Normalise_BatchOfEntriesAndChanges_GivesOneEntryPerChange()
    {
        // Arrange
        var (a, b, c) = (Leadgen("\"a\""), Leadgen("\"b\""), Leadgen("\"c\""));
        var body = $$$"""
            {"object":"page","entry":[
              {"id":"1","time":1763890000,"changes":[{{{a}}},{"field":"feed","value":{"item":"comment"}},{{{b}}}]},
              {"id":"2","time":1763890001,"changes":[{{{c}}}]}]}
            """;

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Equal(["a", "b", "c"], normalised.Events.Select(e => e.Interaction.EventId));
        Assert.Equal(new UnmappedEvent("feed", $"{DeliveryId}:1", EntryTime), Assert.Single(normalised.Unmapped));
    }

    [Theory]
    [InlineData("""{"field":"feed","value":{"item":"status","message":"Ada Lovelace says hi"}}""", "feed")]
    [InlineData("""{"field":"leadgen","value":{"form_id":"1234"}}""", "leadgen")]
    [InlineData("""{"field":"leadgen"}""", "leadgen")]
    [InlineData("""{"value":{}}""", MetaNormaliser.MissingType)]
    [InlineData("42", MetaNormaliser.MissingType)]
    public void Normalise_ChangeThatIsNoReadableLead_IsUnmappedWithoutError(string change, string expectedType)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Notification(change)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(expectedType, $"{DeliveryId}:0", EntryTime), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_MessagingEntry_IsUnmappedPerItem()
    {
        // Arrange
        var body = """{"object":"page","entry":[{"id":"1","time":1763890000,"messaging":[{"sender":{"id":"9"},"message":{"text":"hi"}},{"sender":{"id":"9"}}]}]}""";

        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(
            [new UnmappedEvent("messaging", $"{DeliveryId}:0", EntryTime), new UnmappedEvent("messaging", $"{DeliveryId}:1", EntryTime)],
            normalised.Unmapped);
    }

    [Theory]
    [InlineData("""{"object":"page","entry":[{"id":"1","time":1763890000}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","time":1763890000,"changes":[]}]}""")]
    [InlineData("""{"object":"page","entry":["x"]}""")]
    public void Normalise_EntryThatCarriesNothing_IsStillRecorded(string body)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(body), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(MetaNormaliser.MissingType, Assert.Single(normalised.Unmapped).SourceType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hub.challenge=1")]
    [InlineData("[]")]
    [InlineData("""{"object":"page"}""")]
    [InlineData("""{"object":"page","entry":{}}""")]
    [InlineData("""{"object":"page","entry":[""")]
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
        byte[] body = [.. """{"object":"pa"""u8, 0xC3, 0x28, .. "\",\"entry\":[]}"u8];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Fact]
    public void Validate_Notification_ReturnsNull()
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(Notification(Leadgen())), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload()
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("""{"object":"page"}"""), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsMeta()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("meta", provider);
    }
}
