using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Connectors.Marketo;

namespace IntegrationHub.Core.Connectors.Zendesk;

/// <summary>A trigger or automation webhook with a body the admin wrote. It is read like a Marketo template: fields through
/// the connection's field map (defaults below), the type through <c>EventType:{type}</c> settings (a canonical type
/// written as is, such as <c>ticket.updated</c>, needs none).</summary>
internal static class ZendeskCustomBody
{
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["event_type"] = "type",
        ["event_id"] = "event_id",
        ["occurred_at"] = "occurred_at",
        ["ticket_id"] = "ticket_id",
        ["id"] = "requester_id",
        ["email"] = "requester_email",
        ["first_name"] = "requester_first_name",
        ["last_name"] = "requester_last_name",
        ["phone"] = "requester_phone",
        ["company"] = "requester_company",
        ["city"] = "requester_city",
        ["region"] = "requester_region",
        ["postal_code"] = "requester_postal_code",
        ["country"] = "requester_country",
    };

    public static string? Read(JsonElement root, ConnectionOptions connection, string field) =>
        TemplateBody.Read(root, connection, field, Defaults[field]);

    public static string? CanonicalType(ConnectionOptions connection, string sourceType) =>
        TemplateBody.CanonicalType(connection, sourceType, type => TemplateBody.IsCanonical(type) ? type : null);

    public static string OccurredAtPath(ConnectionOptions connection) =>
        connection.FieldMap.GetValueOrDefault("occurred_at", Defaults["occurred_at"]);

    public static string Summary(string sourceType, string? ticketId) => ticketId is null
        ? $"Zendesk webhook '{sourceType}'"
        : $"Zendesk ticket #{ticketId}: {sourceType}";
}
