using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Typeform;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Typeform;

public sealed class TypeformNormaliserTests
{
    private const string Vendor = "typeform";
    private const string Connection = "survey";
    private const string DeliveryId = "01HW3K2M9Q";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 3, TimeSpan.Zero);
    private static readonly DateTimeOffset SubmittedAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A form with a contact-info block (first name, last name, phone, email, company) and a free-text question.</summary>
    private const string Definition = """
        "definition":{"id":"f1","title":"Contact us","fields":[
          {"id":"ci","type":"contact_info","title":"Your details","ref":"details","properties":{"fields":[
            {"id":"fn","type":"short_text","title":"First name","ref":"2d5a-first"},
            {"id":"ln","type":"short_text","title":"Last name","ref":"2d5a-last"},
            {"id":"ph","type":"phone_number","title":"Phone number","ref":"2d5a-phone"},
            {"id":"em","type":"email","title":"Email","ref":"2d5a-email"},
            {"id":"co","type":"short_text","title":"Company","ref":"2d5a-company"}]}},
          {"id":"q1","type":"short_text","title":"What is your work email's domain?","ref":"domain"},
          {"id":"q2","type":"email","title":"A colleague's email","ref":"colleague"}]}
        """;

    private const string Answers = """
        "answers":[
          {"type":"text","text":" Ada ","field":{"id":"fn","type":"short_text"}},
          {"type":"text","text":"Lovelace","field":{"id":"ln","type":"short_text"}},
          {"type":"phone_number","phone_number":"+442079460958","field":{"id":"ph","type":"phone_number"}},
          {"type":"email","email":"Ada@Example.com","field":{"id":"em","type":"email"}},
          {"type":"text","text":"Analytical Engines","field":{"id":"co","type":"short_text"}},
          {"type":"text","text":"example.com","field":{"id":"q1","type":"short_text"}},
          {"type":"email","email":"charles@example.com","field":{"id":"q2","type":"email"}}]
        """;

    private static TypeformNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection(Dictionary<string, string>? fieldMap = null)
    {
        var connection = new ConnectionOptions { Provider = TypeformProvider.Id, Secrets = ["typeform-secret"] };
        foreach (var (key, fieldRef) in fieldMap ?? [])
        {
            connection.FieldMap[key] = fieldRef;
        }
        return connection;
    }

    private static ArchivedDelivery Delivery(string body) =>
        new(Connection, TypeformProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Response(string inner, string eventType = "form_response") =>
        $$$"""{"event_id":"01HW3K2M9QEVENT","event_type":"{{{eventType}}}","form_response":{"form_id":"f1","token":"tok","submitted_at":"2024-05-01T12:00:00Z",{{{inner}}}}}""";

    private static NormalisedEvent NormaliseOne(TypeformNormaliser sut, string body, ConnectionOptions? connection = null)
    {
        var normalised = sut.Normalise(Delivery(body), connection ?? CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_FormResponseDocsExample_MatchesGoldenFile()
    {
        // Arrange
        const string file = "form_response.docs_example.json";
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(GoldenFile.Delivery(TypeformProvider.Id, Vendor, file), CreateConnection());

        // Assert
        GoldenFile.AssertMatches(Vendor, file, normalised);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"form_response\"")]
    [InlineData("""{"event_id":"e1","form_response":{}}""")]
    [InlineData("""{"event_id":"e1","event_type":"","form_response":{}}""")]
    [InlineData("""{"event_id":"e1","event_type":1,"form_response":{}}""")]
    [InlineData("""{"event_id":"e1","event_type":"form_response"}""")]
    [InlineData("""{"event_id":"e1","event_type":"form_response","form_response":[]}""")]
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
        var problem = sut.Validate(InvalidUtf8Response(), CreateConnection());

        // Assert
        Assert.NotNull(problem);
        Assert.Equal(MalformedPayloadType, problem.Type);
    }

    [Fact]
    public void Validate_FormResponse_ReturnsNull()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var problem = sut.Validate(Encoding.UTF8.GetBytes(Response(Answers)), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("""{"event_type":"form_response","form_response":"x"}""")]
    [InlineData("{\"event_type\":")]
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
        var delivery = Delivery("") with { Body = InvalidUtf8Response() };

        // Act
        var thrown = Record.Exception(() => sut.Normalise(delivery, CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Normalise_FormResponse_IsFormSubmittedWithEventIdAndSubmissionTime()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var interaction = NormaliseOne(sut, Response(Definition + "," + Answers)).Interaction;

        // Assert
        Assert.Equal(
            new Interaction(InteractionTypes.FormSubmitted, "01HW3K2M9QEVENT", SubmittedAt, Connection, TypeformProvider.Id, DeliveryId,
                "form_response", "Form \"Contact us\" submitted, 7 answers"),
            interaction);
    }

    [Fact]
    public void Normalise_ContactInfoBlockWithoutFieldMap_ReadsPersonByTypeAndTitle()
    {
        // Arrange: the first email answer is the respondent's; titles name the short-text sub-questions.
        var sut = CreateSut();

        // Act
        var person = NormaliseOne(sut, Response(Definition + "," + Answers)).Person;

        // Assert
        Assert.Equal(
            new PersonTraits(null, SubmittedAt, "ada@example.com", "Ada", "Lovelace", "+442079460958", "Analytical Engines"),
            person);
    }

    [Fact]
    public void Normalise_FieldMap_ReadsMappedRefsAndHiddenFields()
    {
        // Arrange
        var sut = CreateSut();
        var connection = CreateConnection(new()
        {
            ["email"] = "colleague",
            ["first_name"] = "2d5a-last",
            ["company"] = "domain",
            ["id"] = "crm_id",
            ["phone"] = "not-in-this-form",
        });
        var body = Response(Definition + "," + Answers + ""","hidden":{"crm_id":"0031x00000AbCdE","email":"hidden@example.com"}""");

        // Act
        var person = NormaliseOne(sut, body, connection).Person;

        // Assert: an unmapped key (last_name) still uses the defaults; a mapped key that matches nothing stays empty.
        Assert.Equal(
            new PersonTraits("0031x00000AbCdE", SubmittedAt, "charles@example.com", "Lovelace", "Lovelace", null, "example.com"),
            person);
    }

    [Fact]
    public void Normalise_AnswerCarryingItsOwnRef_IsMatchedWithoutDefinition()
    {
        // Arrange: current payloads put the ref on each answer's field as well.
        var sut = CreateSut();
        var connection = CreateConnection(new() { ["email"] = "work_email" });
        var body = Response("""
            "answers":[{"type":"email","email":"first@example.com","field":{"id":"a","type":"email","ref":"personal_email"}},
                       {"type":"email","email":"work@example.com","field":{"id":"b","type":"email","ref":"work_email"}}]
            """);

        // Act
        var person = NormaliseOne(sut, body, connection).Person!;

        // Assert
        Assert.Equal("work@example.com", person.Email);
    }

    [Fact]
    public void Normalise_NoEmailAnswer_UsesHiddenFieldsOfCanonicalNames()
    {
        // Arrange
        var sut = CreateSut();
        var body = Response("""
            "answers":[{"type":"choice","choice":{"label":"London"},"field":{"id":"c","type":"multiple_choice"}}],
            "hidden":{"email":" Known@Example.com ","first_name":"Known","phone":"(415) 555-2671","utm_source":"newsletter"}
            """);

        // Act
        var person = NormaliseOne(sut, body).Person;

        // Assert
        Assert.Equal(new PersonTraits(null, SubmittedAt, "known@example.com", "Known", null, "+14155552671"), person);
    }

    [Fact]
    public void Normalise_NoEmailAndNoMappedId_PersonIsNull()
    {
        // Arrange
        var sut = CreateSut();
        var body = Response("""
            "answers":[{"type":"text","text":"Ada","field":{"id":"fn","type":"short_text","ref":"first_name"}},
                       {"type":"email","email":"not an email","field":{"id":"e","type":"email"}}]
            """);

        // Act
        var normalised = NormaliseOne(sut, body);

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(InteractionTypes.FormSubmitted, normalised.Interaction.Type);
    }

    [Theory]
    [InlineData("form_response_partial")]
    [InlineData("form_created")]
    public void Normalise_OtherEventType_IsRecordedAsUnmapped(string eventType)
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = sut.Normalise(Delivery(Response(Answers, eventType)), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(eventType, "01HW3K2M9QEVENT", SubmittedAt), Assert.Single(normalised.Unmapped));
    }

    [Fact]
    public void Normalise_NoSubmittedAtOrEventId_FallsBackToArrivalTimeAndDeliveryId()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var normalised = NormaliseOne(sut, """{"event_type":"form_response","form_response":{"form_id":"f1","hidden":{"email":"a@example.com"}}}""");

        // Assert
        Assert.Equal(ReceivedAt, normalised.Interaction.OccurredAt);
        Assert.Equal(ReceivedAt, normalised.Person!.EventTime);
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
        Assert.Equal("Form f1 submitted, 0 answers", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_Summary_CarriesNoAnswer()
    {
        // Arrange
        var sut = CreateSut();

        // Act
        var summary = NormaliseOne(sut, Response(Definition + "," + Answers)).Interaction.Summary!;

        // Assert
        Assert.DoesNotContain("Ada", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_IsTypeform()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("typeform", provider);
    }

    /// <summary>A form response whose email answer holds the bytes C3 28 (not UTF-8).</summary>
    private static byte[] InvalidUtf8Response()
    {
        var bytes = Encoding.UTF8.GetBytes(Response("""
            "answers":[{"type":"email","email":"aXX@example.com","field":{"id":"e","type":"email"}}]
            """));
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        return bytes;
    }
}
