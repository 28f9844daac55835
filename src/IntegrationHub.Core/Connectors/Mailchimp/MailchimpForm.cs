using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using System.Web;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>A Mailchimp delivery body: <c>application/x-www-form-urlencoded</c> with bracketed keys
/// (<c>data[merges][FNAME]</c>), read once into decoded key/value pairs.</summary>
internal sealed class MailchimpForm
{
    /// <summary>Mailchimp's <c>fired_at</c> format. Mailchimp does not say which zone it is in; the hub reads it as UTC.</summary>
    private const string FiredAtFormat = "yyyy-MM-dd HH:mm:ss";

    private readonly NameValueCollection _fields;

    private MailchimpForm(NameValueCollection fields) => _fields = fields;

    public bool IsEmpty => _fields.Count == 0;

    public string? Type => this["type"];

    /// <summary>The trimmed value of a decoded key, or null when it is absent or blank.</summary>
    public string? this[string key] => _fields[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Reads a body, or returns why it cannot be read. An empty body is readable and holds no event.</summary>
    public static (MailchimpForm? Form, WebhookProblem? Problem) Read(ReadOnlySpan<byte> body)
    {
        if (!Utf8.IsValid(body))
        {
            return (null, WebhookProblem.MalformedPayload("The body is not valid UTF-8."));
        }
        var form = new MailchimpForm(HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body)));
        if (form.IsEmpty)
        {
            return (form, null);
        }
        if (form.Type is null)
        {
            return (null, WebhookProblem.MalformedPayload("The body is not a Mailchimp form: it has no 'type' field."));
        }
        if (form["fired_at"] is not null && form.FiredAt is null)
        {
            return (null, WebhookProblem.MalformedPayload($"The 'fired_at' field is not in the form {FiredAtFormat}."));
        }
        return (form, null);
    }

    /// <summary>When Mailchimp fired the event, or null when the body does not say.</summary>
    public DateTimeOffset? FiredAt =>
        DateTimeOffset.TryParseExact(
            this["fired_at"], FiredAtFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var firedAt)
            ? firedAt
            : null;
}
