using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Reads Mailchimp's audience webhooks: one form-encoded event per delivery, its type in <c>type</c>, its time in
/// <c>fired_at</c> and the subscriber in <c>data[…]</c>. Merge tags are read from <c>FNAME</c>, <c>LNAME</c>,
/// <c>PHONE</c>, <c>COMPANY</c> and <c>ADDRESS</c> unless the connection's field map names others (README.md in this
/// folder has the mapping table).</summary>
public sealed class MailchimpNormaliser(IOptions<HubOptions> options) : IEventNormaliser
{
    private const string EmailChannel = "email";

    public string Provider => MailchimpProvider.Id;

    public WebhookProblem? Validate(ReadOnlyMemory<byte> body, ConnectionOptions connection) =>
        MailchimpForm.Read(body.Span).Problem;

    public NormalisedDelivery Normalise(ArchivedDelivery delivery, ConnectionOptions connection)
    {
        var (form, problem) = MailchimpForm.Read(delivery.Body.Span);
        if (problem is not null)
        {
            throw new MalformedPayloadException(problem.Detail);
        }
        if (form!.IsEmpty)
        {
            // An empty POST carries no event (Mailchimp-style URL checks): nothing to map and nothing to drop.
            return new NormalisedDelivery(delivery.Connection, Provider, delivery.DeliveryId, [], []);
        }

        var sourceType = form.Type!;
        // Mailchimp sends no event id; the delivery id is derived from the body, so a retry gets the same one.
        var eventId = delivery.DeliveryId;
        if (MailchimpEventTypes.Map(sourceType, form["data[reason]"]) is not { } mapped)
        {
            return new NormalisedDelivery(
                delivery.Connection, Provider, delivery.DeliveryId, [], [new UnmappedEvent(sourceType, eventId, form.FiredAt)]);
        }

        var occurredAt = form.FiredAt ?? delivery.ReceivedAt;
        var interaction = new Interaction(
            mapped.Type, eventId, occurredAt, delivery.Connection, Provider, delivery.DeliveryId, sourceType, Summary(form, mapped));
        var person = Person(form, sourceType, mapped.EmailConsent, occurredAt, connection);
        return NormalisedDelivery.Of(new NormalisedEvent(delivery.Connection, Provider, delivery.DeliveryId, person, interaction));
    }

    private PersonTraits? Person(MailchimpForm form, string sourceType, string? emailConsent, DateTimeOffset eventTime, ConnectionOptions connection)
    {
        // upemail names the member by its new id and new address; every other event by data[id] and data[email].
        var recordId = form["data[id]"] ?? form["data[new_id]"] ?? form["data[web_id]"];
        var email = EmailAddress.Normalise(sourceType == "upemail"
            ? form["data[new_email]"]
            : form["data[email]"] ?? form["data[merges][EMAIL]"]);
        if (recordId is null && email is null)
        {
            return null;
        }

        string? Merge(string field, string defaultTag) =>
            form[$"data[merges][{connection.FieldMap.GetValueOrDefault(field, defaultTag)}]"];
        var address = $"data[merges][{connection.FieldMap.GetValueOrDefault("address", "ADDRESS")}]";
        string? city = form[$"{address}[city]"], region = form[$"{address}[state]"],
            postalCode = form[$"{address}[zip]"], country = form[$"{address}[country]"];
        var location = city is null && region is null && postalCode is null && country is null
            ? null
            : new PostalLocation(city, region, postalCode, country);
        return new PersonTraits(
            recordId,
            eventTime,
            email,
            Merge("first_name", "FNAME"),
            Merge("last_name", "LNAME"),
            PhoneNumber.Normalise(Merge("phone", "PHONE"), options.Value.DefaultPhoneRegion),
            Merge("company", "COMPANY"),
            location,
            emailConsent is null ? null : [new ConsentStatement(EmailChannel, emailConsent)]);
    }

    /// <summary>Names the audience and Mailchimp's own reason codes, never the subscriber.</summary>
    private static string Summary(MailchimpForm form, MailchimpEventTypes.Mapping mapped)
    {
        var summary = $"{mapped.Summary} Mailchimp audience {form["data[list_id]"] ?? "(unknown)"}";
        var details = new[] { ("action", form["data[action]"]), ("reason", form["data[reason]"]) }
            .Where(d => d.Item2 is not null)
            .Select(d => $"{d.Item1}: {d.Item2}")
            .ToList();
        return details.Count == 0 ? summary : $"{summary} ({string.Join(", ", details)})";
    }
}
