using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Shopify;

/// <summary>Reads the person from each mapped resource. The person's record id is always the Shopify customer id, never
/// an order's or a checkout's; a guest checkout without a customer is known by its email alone.</summary>
internal static class ShopifyPeople
{
    private const string Email = "email";
    private const string Sms = "sms";

    public static PersonTraits? FromCustomer(JsonElement customer, ShopifyTraitContext context)
    {
        var address = Child(customer, "default_address");
        return Build(
            FieldPath.Read(customer, "id"),
            FieldPath.Read(customer, "email"),
            FieldPath.Read(customer, "first_name"),
            FieldPath.Read(customer, "last_name"),
            FieldPath.Read(customer, "phone"),
            FieldPath.Read(address, "company"),
            Location(address),
            CustomerConsents(customer),
            context);
    }

    /// <summary><c>customers_email_marketing_consent/update</c>: <c>{customer_id, email_address, email_marketing_consent}</c>.</summary>
    public static PersonTraits? FromEmailConsent(JsonElement change, ShopifyTraitContext context) =>
        Build(
            FieldPath.Read(change, "customer_id") ?? FieldPath.Read(change, "id"),
            FieldPath.Read(change, "email_address") ?? FieldPath.Read(change, "email"),
            null, null, null, null, null,
            Consent(Email, FieldPath.Read(change, "email_marketing_consent.state")) is { } consent ? [consent] : null,
            context);

    /// <summary><c>customers_marketing_consent/update</c>: the customer's id and phone with <c>sms_marketing_consent</c>.</summary>
    public static PersonTraits? FromSmsConsent(JsonElement change, ShopifyTraitContext context) =>
        Build(
            FieldPath.Read(change, "id") ?? FieldPath.Read(change, "customer_id"),
            null, null, null,
            FieldPath.Read(change, "phone"),
            null, null,
            Consent(Sms, FieldPath.Read(change, "sms_marketing_consent.state")) is { } consent ? [consent] : null,
            context);

    /// <summary>Orders and checkouts: the customer record when there is one, the order's own contact details otherwise.
    /// The buyer ticking "accepts marketing" at checkout is an explicit email subscription; leaving it unticked says
    /// nothing.</summary>
    public static PersonTraits? FromOrder(JsonElement order, ShopifyTraitContext context)
    {
        var customer = Child(order, "customer");
        var billing = Child(order, "billing_address");
        var defaultAddress = Child(customer, "default_address");
        var consents = CustomerConsents(customer);
        if (!consents.Any(c => c.Channel == Email) && order.TryGetProperty("buyer_accepts_marketing", out var accepts)
            && accepts.ValueKind == JsonValueKind.True)
        {
            consents = [.. consents, new ConsentStatement(Email, ConsentStatuses.Subscribed)];
        }
        return Build(
            FieldPath.Read(customer, "id"),
            FieldPath.Read(order, "email") ?? FieldPath.Read(order, "contact_email") ?? FieldPath.Read(customer, "email"),
            FieldPath.Read(customer, "first_name") ?? FieldPath.Read(billing, "first_name"),
            FieldPath.Read(customer, "last_name") ?? FieldPath.Read(billing, "last_name"),
            FieldPath.Read(customer, "phone") ?? FieldPath.Read(order, "phone") ?? FieldPath.Read(billing, "phone"),
            FieldPath.Read(billing, "company") ?? FieldPath.Read(defaultAddress, "company"),
            Location(defaultAddress) ?? Location(billing),
            consents,
            context);
    }

    /// <summary>The customer's own consent objects; the legacy <c>accepts_marketing</c> flag only when the newer
    /// <c>email_marketing_consent</c> is absent, and <c>false</c> only once Shopify recorded a change
    /// (<c>accepts_marketing_updated_at</c>), since a never-asked customer is <c>false</c> too.</summary>
    private static List<ConsentStatement> CustomerConsents(JsonElement customer)
    {
        var consents = new List<ConsentStatement>(2);
        if (customer.ValueKind != JsonValueKind.Object)
        {
            return consents;
        }
        if (customer.TryGetProperty("email_marketing_consent", out var emailConsent) && emailConsent.ValueKind == JsonValueKind.Object)
        {
            Add(consents, Consent(Email, FieldPath.Read(emailConsent, "state")));
        }
        else if (customer.TryGetProperty("accepts_marketing", out var accepts))
        {
            if (accepts.ValueKind == JsonValueKind.True)
            {
                consents.Add(new ConsentStatement(Email, ConsentStatuses.Subscribed));
            }
            else if (accepts.ValueKind == JsonValueKind.False && FieldPath.Read(customer, "accepts_marketing_updated_at") is not null)
            {
                consents.Add(new ConsentStatement(Email, ConsentStatuses.Unsubscribed));
            }
        }
        Add(consents, Consent(Sms, FieldPath.Read(customer, "sms_marketing_consent.state")));
        return consents;
    }

    /// <summary>Shopify's marketing states: <c>not_subscribed</c> (never asked) and <c>redacted</c> state nothing.</summary>
    private static ConsentStatement? Consent(string channel, string? state) =>
        state?.ToLowerInvariant() switch
        {
            "subscribed" => new ConsentStatement(channel, ConsentStatuses.Subscribed),
            "unsubscribed" => new ConsentStatement(channel, ConsentStatuses.Unsubscribed),
            "pending" => new ConsentStatement(channel, ConsentStatuses.Pending),
            "invalid" => new ConsentStatement(channel, ConsentStatuses.Undeliverable),
            _ => null,
        };

    private static void Add(List<ConsentStatement> consents, ConsentStatement? consent)
    {
        if (consent is not null)
        {
            consents.Add(consent);
        }
    }

    private static PersonTraits? Build(
        string? customerId,
        string? email,
        string? firstName,
        string? lastName,
        string? phone,
        string? company,
        PostalLocation? location,
        IReadOnlyList<ConsentStatement>? consents,
        ShopifyTraitContext context)
    {
        var normalisedEmail = EmailAddress.Normalise(email);
        if (customerId is null && normalisedEmail is null)
        {
            return null;
        }
        return new PersonTraits(
            customerId,
            context.EventTime,
            normalisedEmail,
            firstName,
            lastName,
            PhoneNumber.Normalise(phone, context.PhoneRegion),
            company,
            location,
            consents is { Count: > 0 } ? consents : null);
    }

    /// <summary>A Shopify address; codes (<c>province_code</c>, <c>country_code</c>) are preferred to display names.</summary>
    private static PostalLocation? Location(JsonElement address)
    {
        var location = new PostalLocation(
            FieldPath.Read(address, "city"),
            FieldPath.Read(address, "province_code") ?? FieldPath.Read(address, "province"),
            FieldPath.Read(address, "zip"),
            FieldPath.Read(address, "country_code") ?? FieldPath.Read(address, "country"));
        return location == new PostalLocation(null, null, null, null) ? null : location;
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : default;
}
