using System.Text;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Calendly;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Tests.Connectors.Golden;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Tests.Connectors.Calendly;

public sealed class CalendlyNormaliserTests
{
    private const string Vendor = "calendly";
    private const string Connection = "bookings";
    private const string DeliveryId = "sha256-cal";
    private const string InviteeUri = "https://api.calendly.com/scheduled_events/E1/invitees/I1";
    private const string MalformedPayloadType = "urn:integrationhub:problem:malformed-payload";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CreatedAt = new(2026, 11, 23, 8, 59, 58, TimeSpan.Zero);

    private static CalendlyNormaliser CreateSut(string region = "US") =>
        new(Options.Create(new HubOptions { DefaultPhoneRegion = region }));

    private static ConnectionOptions CreateConnection() => new() { Provider = CalendlyProvider.Id, Secrets = ["signing-key"] };

    private static ArchivedDelivery Delivery(string body) => new(
        Connection, CalendlyProvider.Id, DeliveryId, ReceivedAt, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Webhook(string type, string payload, string createdAt = ",\"created_at\":\"2026-11-23T08:59:58.000000Z\"") =>
        $$$"""{"event":"{{{type}}}"{{{createdAt}}},"created_by":"https://api.calendly.com/users/U1","payload":{{{payload}}}}""";

    private static string Invitee(string extra = "") =>
        $$"""{"uri":"{{InviteeUri}}","email":" Ada.Lovelace@Example.COM ","name":"Ada Lovelace","first_name":"Ada","last_name":" Lovelace ","text_reminder_number":"+1 415-555-2671","scheduled_event":{"name":"Call with Ada Lovelace","start_time":"2026-11-25T15:00:00.000000Z"}{{extra}}}""";

    private static NormalisedEvent NormaliseOne(string body, string region = "US")
    {
        var normalised = CreateSut(region).Normalise(Delivery(body), CreateConnection());
        Assert.Empty(normalised.Unmapped);
        return Assert.Single(normalised.Events);
    }

    [Fact]
    public void Normalise_InviteeCreated_MatchesGoldenFile() => AssertGolden("invitee.created.json");

    [Fact]
    public void Normalise_InviteeCanceled_MatchesGoldenFile() => AssertGolden("invitee.canceled.json");

    [Fact]
    public void Normalise_RoutingFormSubmissionCreated_MatchesGoldenFile() => AssertGolden("routing_form_submission.created.json");

    [Fact]
    public void Normalise_InviteeNoShowCreated_MatchesGoldenFile() => AssertGolden("invitee_no_show.created.json");

    private static void AssertGolden(string file) =>
        GoldenFile.AssertMatches(Vendor, file, CreateSut().Normalise(GoldenFile.Delivery(CalendlyProvider.Id, Vendor, file), CreateConnection()));

    [Fact]
    public void Normalise_InviteeCreated_IsMeetingBookedAboutTheInvitee()
    {
        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCreated, Invitee()));

        // Assert
        Assert.Equal(
            new Interaction(InteractionTypes.MeetingBooked, $"invitee.created:{InviteeUri}", CreatedAt, Connection, CalendlyProvider.Id,
                DeliveryId, "invitee.created", "Meeting booked for 2026-11-25 15:00 UTC"),
            normalised.Interaction);
        Assert.Equal(
            new PersonTraits(InviteeUri, CreatedAt, "ada.lovelace@example.com", "Ada", "Lovelace", "+14155552671"),
            normalised.Person);
    }

    [Fact]
    public void Normalise_InviteeCanceled_IsMeetingCanceledWithItsOwnEventId()
    {
        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCanceled, Invitee()));

        // Assert
        Assert.Equal(InteractionTypes.MeetingCanceled, normalised.Interaction.Type);
        Assert.Equal($"invitee.canceled:{InviteeUri}", normalised.Interaction.EventId);
        Assert.Equal(InviteeUri, normalised.Person!.SourceRecordId);
    }

    [Theory]
    [InlineData(CalendlyNormaliser.InviteeCreated, ",\"old_invitee\":\"https://api.calendly.com/scheduled_events/E0/invitees/I0\"", "Meeting booked for 2026-11-25 15:00 UTC (rescheduled)")]
    [InlineData(CalendlyNormaliser.InviteeCanceled, ",\"rescheduled\":true,\"cancellation\":{\"canceler_type\":\"invitee\",\"reason\":\"Ada is ill\",\"canceled_by\":\"Ada Lovelace\"}", "Meeting for 2026-11-25 15:00 UTC canceled by the invitee to be rescheduled")]
    [InlineData(CalendlyNormaliser.InviteeCanceled, ",\"rescheduled\":false,\"cancellation\":{\"canceler_type\":\"host\"}", "Meeting for 2026-11-25 15:00 UTC canceled by the host")]
    [InlineData(CalendlyNormaliser.InviteeCanceled, ",\"cancellation\":{\"canceler_type\":\"Ada Lovelace\"}", "Meeting for 2026-11-25 15:00 UTC canceled")]
    public void Normalise_Summary_SaysWhenAndWhatWithoutPersonalData(string type, string extra, string expected)
    {
        // Act
        var summary = NormaliseOne(Webhook(type, Invitee(extra))).Interaction.Summary;

        // Assert
        Assert.Equal(expected, summary);
    }

    [Fact]
    public void Normalise_SeparateNamesAbsent_FullNameIsNotSplit()
    {
        // Act
        var person = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCreated, $$$"""{"uri":"{{{InviteeUri}}}","email":"ada@example.com","name":"Ada Lovelace","first_name":null,"last_name":null}""")).Person!;

        // Assert
        Assert.Null(person.FirstName);
        Assert.Null(person.LastName);
    }

    [Fact]
    public void Normalise_LocalReminderNumber_UsesDefaultRegion()
    {
        // Act
        var person = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCreated, $$"""{"uri":"{{InviteeUri}}","text_reminder_number":"020 7946 0958"}"""), region: "GB").Person!;

        // Assert
        Assert.Equal("+442079460958", person.Phone);
    }

    [Fact]
    public void Normalise_RoutingFormSubmission_IsFormSubmittedBySubmitter()
    {
        // Arrange
        var payload = $$$"""{"uri":"https://api.calendly.com/routing_form_submissions/S1","submitter":"{{{InviteeUri}}}","submitter_type":"Invitee","questions_and_answers":[{"question":"Email","answer":"ada@example.com"}],"result":{"type":"event_type"}}""";

        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.RoutingFormSubmissionCreated, payload));

        // Assert
        Assert.Equal(InteractionTypes.FormSubmitted, normalised.Interaction.Type);
        Assert.Equal("routing_form_submission.created:https://api.calendly.com/routing_form_submissions/S1", normalised.Interaction.EventId);
        Assert.Equal("Routing form submitted, routed to booking", normalised.Interaction.Summary);
        Assert.Equal(new PersonTraits(InviteeUri, CreatedAt, null, null, null, null), normalised.Person);
    }

    [Fact]
    public void Normalise_RoutingFormSubmissionWithoutSubmitter_PersonIsNull()
    {
        // Arrange
        var payload = """{"uri":"https://api.calendly.com/routing_form_submissions/S2","submitter":null,"submitter_type":null,"result":{"type":"custom_message"}}""";

        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.RoutingFormSubmissionCreated, payload));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal("Routing form submitted", normalised.Interaction.Summary);
    }

    [Fact]
    public void Normalise_InviteeWithoutUriOrEmail_PersonIsNullAndIdIsTheDelivery()
    {
        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCreated, """{"name":"Ada Lovelace","email":"not-an-email"}"""));

        // Assert
        Assert.Null(normalised.Person);
        Assert.Equal(DeliveryId, normalised.Interaction.EventId);
    }

    [Theory]
    [InlineData("", "2026-11-23T09:00:00+00:00")]
    [InlineData(",\"created_at\":\"yesterday\"", "2026-11-23T09:00:00+00:00")]
    [InlineData(",\"created_at\":\"2026-11-23T10:59:58+02:00\"", "2026-11-23T08:59:58+00:00")]
    public void Normalise_CreatedAt_IsTheEventTimeInUtcElseArrival(string createdAt, string expected)
    {
        // Act
        var normalised = NormaliseOne(Webhook(CalendlyNormaliser.InviteeCreated, Invitee(), createdAt));

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), normalised.Interaction.OccurredAt);
        Assert.Equal(TimeSpan.Zero, normalised.Interaction.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("invitee_no_show.created")]
    [InlineData("invitee_no_show.deleted")]
    [InlineData("event_type.created")]
    [InlineData("Invitee.Created")]
    public void Normalise_UnmappedType_IsRecordedUnmappedWithoutError(string type)
    {
        // Act
        var normalised = CreateSut().Normalise(Delivery(Webhook(type, """{"uri":"https://api.calendly.com/invitee_no_shows/N1"}""")), CreateConnection());

        // Assert
        Assert.Empty(normalised.Events);
        Assert.Equal(new UnmappedEvent(type, $"{type}:https://api.calendly.com/invitee_no_shows/N1", CreatedAt), Assert.Single(normalised.Unmapped));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"payload":{}}""")]
    [InlineData("""{"event":"","payload":{}}""")]
    [InlineData("""{"event":1,"payload":{}}""")]
    [InlineData("""{"event":"invitee.created"}""")]
    [InlineData("""{"event":"invitee.created","payload":"x"}""")]
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
        byte[] body = [.. """{"event":"invitee.created","payload":{"email":"a"""u8, 0xC3, 0x28, .. "@example.com\"}}"u8];

        // Act
        var problem = CreateSut().Validate(body, CreateConnection());

        // Assert
        Assert.Equal(MalformedPayloadType, problem?.Type);
    }

    [Fact]
    public void Validate_Webhook_ReturnsNull()
    {
        // Act
        var problem = CreateSut().Validate(Encoding.UTF8.GetBytes(Webhook(CalendlyNormaliser.InviteeCreated, Invitee())), CreateConnection());

        // Assert
        Assert.Null(problem);
    }

    [Fact]
    public void Normalise_ArchivedMalformedBody_ThrowsMalformedPayload()
    {
        // Act
        var thrown = Record.Exception(() => CreateSut().Normalise(Delivery("""{"event":"invitee.created"}"""), CreateConnection()));

        // Assert
        Assert.IsType<MalformedPayloadException>(thrown);
    }

    [Fact]
    public void Provider_IsCalendly()
    {
        // Act
        var provider = CreateSut().Provider;

        // Assert
        Assert.Equal("calendly", provider);
    }
}
