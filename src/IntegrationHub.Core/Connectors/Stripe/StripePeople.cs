using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Reads the person from each mapped object. The person's record id is always the Stripe customer id
/// (<c>cus_…</c>), never the id of the session, payment or invoice; guest payments have none and are known by email.</summary>
internal static class StripePeople
{
    public static PersonTraits? FromCustomer(JsonElement customer, StripeTraitContext context) =>
        Build(
            FieldPath.Read(customer, "id"),
            FieldPath.Read(customer, "email"),
            FieldPath.Read(customer, "name"),
            FieldPath.Read(customer, "phone"),
            FieldPath.Read(customer, "business_name"),
            Child(customer, "address"),
            consents: null,
            context);

    /// <summary>The buyer as Checkout collected them (<c>customer_details</c>), with the promotional-email choice when
    /// the session collected one (<c>consent.promotions</c>: <c>opt_in</c> or <c>opt_out</c>).</summary>
    public static PersonTraits? FromCheckoutSession(JsonElement session, StripeTraitContext context)
    {
        var details = Child(session, "customer_details");
        var consent = FieldPath.Read(session, "consent.promotions") switch
        {
            "opt_in" => new ConsentStatement("email", ConsentStatuses.Subscribed),
            "opt_out" => new ConsentStatement("email", ConsentStatuses.Unsubscribed),
            _ => null,
        };
        return Build(
            CustomerId(session),
            FieldPath.Read(details, "email") ?? FieldPath.Read(session, "customer_email"),
            FieldPath.Read(details, "name"),
            FieldPath.Read(details, "phone"),
            FieldPath.Read(details, "business_name"),
            Child(details, "address"),
            consent is null ? null : [consent],
            context);
    }

    /// <summary>A payment intent names only the customer and the receipt address; its <c>shipping</c> may be someone else.</summary>
    public static PersonTraits? FromPaymentIntent(JsonElement intent, StripeTraitContext context) =>
        Build(CustomerId(intent), FieldPath.Read(intent, "receipt_email"), null, null, null, default, null, context);

    public static PersonTraits? FromCharge(JsonElement charge, StripeTraitContext context)
    {
        var billing = Child(charge, "billing_details");
        return Build(
            CustomerId(charge),
            FieldPath.Read(billing, "email") ?? FieldPath.Read(charge, "receipt_email"),
            FieldPath.Read(billing, "name"),
            FieldPath.Read(billing, "phone"),
            null,
            Child(billing, "address"),
            null,
            context);
    }

    public static PersonTraits? FromInvoice(JsonElement invoice, StripeTraitContext context) =>
        Build(
            CustomerId(invoice),
            FieldPath.Read(invoice, "customer_email"),
            FieldPath.Read(invoice, "customer_name"),
            FieldPath.Read(invoice, "customer_phone"),
            null,
            Child(invoice, "customer_address"),
            null,
            context);

    private static PersonTraits? Build(
        string? customerId,
        string? email,
        string? fullName,
        string? phone,
        string? company,
        JsonElement address,
        IReadOnlyList<ConsentStatement>? consents,
        StripeTraitContext context)
    {
        var normalisedEmail = EmailAddress.Normalise(email);
        if (customerId is null && normalisedEmail is null)
        {
            return null;
        }
        var (first, last) = SplitName(fullName);
        return new PersonTraits(
            customerId,
            context.EventTime,
            normalisedEmail,
            first,
            last,
            PhoneNumber.Normalise(phone, context.PhoneRegion),
            company,
            Location(address),
            consents);
    }

    /// <summary><c>customer</c> is an id, or the customer object itself when the sender expanded it.</summary>
    private static string? CustomerId(JsonElement subject) =>
        FieldPath.Read(subject, "customer") ?? FieldPath.Read(subject, "customer.id");

    private static PostalLocation? Location(JsonElement address)
    {
        var location = new PostalLocation(
            FieldPath.Read(address, "city"),
            FieldPath.Read(address, "state"),
            FieldPath.Read(address, "postal_code"),
            FieldPath.Read(address, "country"));
        return location == new PostalLocation(null, null, null, null) ? null : location;
    }

    /// <summary>Stripe keeps one <c>name</c>: the first word is taken as the first name and the rest as the last name.</summary>
    private static (string? First, string? Last) SplitName(string? name)
    {
        if (name is null)
        {
            return (null, null);
        }
        var parts = name.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 1 ? (parts[0], null) : (parts[0], parts[1]);
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : default;
}
