namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>The field-map keys a Marketo webhook template is read with, and where each is looked for when the connection's
/// field map does not name it: the shape of the Marketo webhook adapter's schema (lead fields under <c>lead</c>, the
/// company under <c>company</c>, the webhook's name as its event type, <c>{{system.dateTime}}</c> as its time).</summary>
internal static class MarketoFields
{
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "lead.id",
        ["email"] = "lead.email_address",
        ["first_name"] = "lead.first_name",
        ["last_name"] = "lead.last_name",
        ["phone"] = "lead.phone_number",
        ["company"] = "company.name",
        ["city"] = "lead.city",
        ["region"] = "lead.state",
        ["postal_code"] = "lead.postal_code",
        ["country"] = "lead.country",
        ["event_type"] = "name",
        ["event_id"] = "event_id",
        ["occurred_at"] = "datetime",
    };
}
