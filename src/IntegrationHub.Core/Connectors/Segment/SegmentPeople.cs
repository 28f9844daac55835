using System.Text.Json;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Segment;

/// <summary>Reads the person from a Segment message. The record id is the <c>userId</c>; an <c>anonymousId</c> is a
/// device cookie, not a person, so it is never used: an anonymous message names a person only when its traits carry an
/// email. Traits follow Segment's reserved names (<c>email</c>, <c>firstName</c>, <c>lastName</c>, <c>name</c>,
/// <c>phone</c>, <c>company</c>, <c>address</c>), read from <c>traits</c> on identify and from <c>context.traits</c>
/// on any message.</summary>
internal static class SegmentPeople
{
    public static PersonTraits? Read(JsonElement message, bool isIdentify, ConsentStatement? consent, DateTimeOffset eventTime, string phoneRegion)
    {
        var own = isIdentify ? Child(message, "traits") : default;
        var context = Child(Child(message, "context"), "traits");
        string? Trait(string name) => FieldPath.Read(own, name) ?? FieldPath.Read(context, name);

        var userId = FieldPath.Read(message, "userId");
        var email = EmailAddress.Normalise(Trait("email"));
        if (userId is null && email is null)
        {
            return null;
        }
        var (first, last) = (Trait("firstName") ?? Trait("first_name"), Trait("lastName") ?? Trait("last_name"));
        if (first is null && last is null)
        {
            (first, last) = SplitName(Trait("name"));
        }
        return new PersonTraits(
            userId,
            eventTime,
            email,
            first,
            last,
            PhoneNumber.Normalise(Trait("phone"), phoneRegion),
            Trait("company") ?? Trait("company.name"),
            Location(Child(own, "address")) ?? Location(Child(context, "address")),
            consent is null ? null : [consent]);
    }

    private static PostalLocation? Location(JsonElement address)
    {
        var location = new PostalLocation(
            FieldPath.Read(address, "city"),
            FieldPath.Read(address, "state"),
            FieldPath.Read(address, "postalCode") ?? FieldPath.Read(address, "postal_code"),
            FieldPath.Read(address, "country"));
        return location == new PostalLocation(null, null, null, null) ? null : location;
    }

    /// <summary>Only a full <c>name</c> was sent: the first word is taken as the first name, the rest as the last name.</summary>
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
