using System.Collections.Frozen;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>The Stripe event types the hub maps, and how. Anything else is unmapped: acknowledged and counted.</summary>
internal static class StripeEventMap
{
    public static FrozenDictionary<string, StripeEventMapping> ByType { get; } = new Dictionary<string, StripeEventMapping>(StringComparer.Ordinal)
    {
        ["customer.created"] = new(InteractionTypes.ProfileCreated, StripePeople.FromCustomer, (_, _) => "Customer created"),
        ["customer.updated"] = new(InteractionTypes.ProfileUpdated, StripePeople.FromCustomer, CustomerUpdated),
        ["customer.deleted"] = new(InteractionTypes.ProfileDeleted, StripePeople.FromCustomer, (_, _) => "Customer deleted"),
        ["checkout.session.completed"] = new(InteractionTypes.OrderPlaced, StripePeople.FromCheckoutSession, CheckoutCompleted),
        ["payment_intent.succeeded"] = new(InteractionTypes.PaymentSucceeded, StripePeople.FromPaymentIntent,
            (o, _) => "Payment succeeded" + StripeAmount.Describe(o, "amount_received", "amount")),
        ["charge.succeeded"] = new(InteractionTypes.PaymentSucceeded, StripePeople.FromCharge,
            (o, _) => "Charge succeeded" + StripeAmount.Describe(o, "amount")),
        ["invoice.paid"] = new(InteractionTypes.PaymentSucceeded, StripePeople.FromInvoice, InvoicePaid),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Names the changed fields (the keys of <c>previous_attributes</c>), never their values.</summary>
    private static string CustomerUpdated(JsonElement customer, JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("previous_attributes", out var previous)
            || previous.ValueKind != JsonValueKind.Object)
        {
            return "Customer updated";
        }
        var fields = previous.EnumerateObject().Select(p => p.Name).ToList();
        return fields.Count == 0 ? "Customer updated" : $"Customer updated: {string.Join(", ", fields)}";
    }

    private static string CheckoutCompleted(JsonElement session, JsonElement data)
    {
        var mode = FieldPath.Read(session, "mode");
        return (mode is null ? "Checkout completed" : $"Checkout completed ({mode})") + StripeAmount.Describe(session, "amount_total");
    }

    private static string InvoicePaid(JsonElement invoice, JsonElement data)
    {
        var number = FieldPath.Read(invoice, "number");
        return (number is null ? "Invoice paid" : $"Invoice {number} paid") + StripeAmount.Describe(invoice, "amount_paid");
    }
}
