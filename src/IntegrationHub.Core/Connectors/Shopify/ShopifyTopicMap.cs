using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>The Shopify topics the hub maps, and how. Anything else is unmapped: acknowledged and counted.</summary>
internal static class ShopifyTopicMap
{
    public static FrozenDictionary<string, ShopifyTopicMapping> ByTopic { get; } = new Dictionary<string, ShopifyTopicMapping>(StringComparer.OrdinalIgnoreCase)
    {
        ["customers/create"] = new(_ => InteractionTypes.ProfileCreated, ShopifyPeople.FromCustomer, _ => "Customer created"),
        ["customers/update"] = new(_ => InteractionTypes.ProfileUpdated, ShopifyPeople.FromCustomer, _ => "Customer updated"),
        ["customers/delete"] = new(_ => InteractionTypes.ProfileDeleted, ShopifyPeople.FromCustomer, _ => "Customer deleted"),
        ["customers_email_marketing_consent/update"] = new(
            r => ConsentInteraction(r, "email_marketing_consent"), ShopifyPeople.FromEmailConsent, r => ConsentSummary(r, "Email", "email_marketing_consent")),
        ["customers_marketing_consent/update"] = new(
            r => ConsentInteraction(r, "sms_marketing_consent"), ShopifyPeople.FromSmsConsent, r => ConsentSummary(r, "SMS", "sms_marketing_consent")),
        ["orders/create"] = new(_ => InteractionTypes.OrderPlaced, ShopifyPeople.FromOrder, r => $"{OrderName(r)} placed{Items(r)}{Total(r)}"),
        ["orders/paid"] = new(_ => InteractionTypes.PaymentSucceeded, ShopifyPeople.FromOrder, r => $"{OrderName(r)} paid{Total(r)}"),
        ["checkouts/create"] = new(_ => InteractionTypes.Tracked, ShopifyPeople.FromOrder, r => $"Checkout started{Items(r)}{Total(r)}"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A consent change is a subscription or an unsubscription when it says so; any other state (pending,
    /// not subscribed…) is a profile update carrying whatever statement it makes.</summary>
    private static string ConsentInteraction(JsonElement resource, string consentField) =>
        FieldPath.Read(resource, $"{consentField}.state")?.ToLowerInvariant() switch
        {
            "subscribed" => InteractionTypes.Subscribed,
            "unsubscribed" => InteractionTypes.Unsubscribed,
            _ => InteractionTypes.ProfileUpdated,
        };

    private static string ConsentSummary(JsonElement resource, string channel, string consentField) =>
        FieldPath.Read(resource, $"{consentField}.state") is { } state
            ? $"{channel} marketing consent: {state.ToLowerInvariant()}"
            : $"{channel} marketing consent updated";

    private static string OrderName(JsonElement order) =>
        FieldPath.Read(order, "name") is { } name ? $"Order {name}"
        : FieldPath.Read(order, "order_number") is { } number ? $"Order #{number}"
        : "Order";

    /// <summary><c>", 2 items"</c>: the units across the line items.</summary>
    private static string Items(JsonElement resource)
    {
        if (!resource.TryGetProperty("line_items", out var lines) || lines.ValueKind != JsonValueKind.Array)
        {
            return "";
        }
        var units = 0L;
        foreach (var line in lines.EnumerateArray())
        {
            units += line.ValueKind == JsonValueKind.Object
                && line.TryGetProperty("quantity", out var quantity)
                && quantity.ValueKind == JsonValueKind.Number
                && quantity.TryGetInt64(out var count) && count > 0
                    ? count
                    : 0;
        }
        return units == 1 ? ", 1 item" : $", {units.ToString(CultureInfo.InvariantCulture)} items";
    }

    /// <summary><c>", USD 59.00"</c>: Shopify sends prices as decimal strings in the shop's currency.</summary>
    private static string Total(JsonElement resource) =>
        FieldPath.Read(resource, "total_price") is { } total && FieldPath.Read(resource, "currency") is { } currency
            ? $", {currency.ToUpperInvariant()} {total}"
            : "";
}
