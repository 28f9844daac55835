using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Intercom;

/// <summary>Reads the person out of an Intercom contact object (or the slimmer contact references conversations carry).</summary>
internal static class IntercomContact
{
    private const string EmailChannel = "email";
    private const string SmsChannel = "sms";

    /// <summary>The conversation's person: its first contact with an id, else the source's author when that is a user or
    /// lead (never a teammate or bot).</summary>
    public static JsonElement? OfConversation(JsonElement conversation)
    {
        if (conversation.TryGetProperty("contacts", out var contacts))
        {
            // The contacts arrive as a bare array or, in newer API versions, as a list object.
            if (contacts.ValueKind == JsonValueKind.Object && contacts.TryGetProperty("contacts", out var list))
            {
                contacts = list;
            }
            if (contacts.ValueKind == JsonValueKind.Array)
            {
                foreach (var contact in contacts.EnumerateArray())
                {
                    if (FieldPath.Read(contact, "id") is not null)
                    {
                        return contact;
                    }
                }
            }
        }
        return conversation.TryGetProperty("source", out var source)
            && source.ValueKind == JsonValueKind.Object
            && source.TryGetProperty("author", out var author)
            && FieldPath.Read(author, "type") is "user" or "lead" or "contact"
                ? author
                : null;
    }

    /// <summary>The contact's name split at its first space: Intercom keeps one <c>name</c>.</summary>
    public static (string? First, string? Last) Name(JsonElement contact)
    {
        if (FieldPath.Read(contact, "name") is not { } name)
        {
            return (null, null);
        }
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (name, null) : (name[..space], name[(space + 1)..].Trim());
    }

    public static PostalLocation? Location(JsonElement contact)
    {
        if (!contact.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string? city = FieldPath.Read(location, "city"), region = FieldPath.Read(location, "region"), country = FieldPath.Read(location, "country");
        return city is null && region is null && country is null ? null : new PostalLocation(city, region, null, country);
    }

    /// <summary>Explicit statements only: a hard bounce makes email undeliverable; otherwise the topic's own statement
    /// (subscribed, unsubscribed) wins over the contact's flags, of which only the opt-outs are statements.</summary>
    public static IReadOnlyList<ConsentStatement>? Consents(JsonElement contact, string? topicEmailStatus)
    {
        var email = IsTrue(contact, "has_hard_bounced") ? ConsentStatuses.Undeliverable
            : topicEmailStatus
            ?? (IsTrue(contact, "unsubscribed_from_emails") || IsTrue(contact, "marked_email_as_spam") ? ConsentStatuses.Unsubscribed : null);
        var sms = IsTrue(contact, "unsubscribed_from_sms") ? ConsentStatuses.Unsubscribed
            : IsTrue(contact, "sms_consent") ? ConsentStatuses.Subscribed
            : null;
        var consents = new List<ConsentStatement>(2);
        if (email is not null)
        {
            consents.Add(new ConsentStatement(EmailChannel, email));
        }
        if (sms is not null)
        {
            consents.Add(new ConsentStatement(SmsChannel, sms));
        }
        return consents.Count == 0 ? null : consents;
    }

    private static bool IsTrue(JsonElement contact, string property) =>
        contact.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
