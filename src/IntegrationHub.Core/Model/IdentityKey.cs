namespace IntegrationHub.Core.Model;

/// <summary>An identifier that points at one person: a normalised email or phone, a source's record id, or a source's
/// anonymous (device or cookie) id. Keys order by kind, then value, ordinally, so any set of them has one canonical
/// order.</summary>
public sealed record IdentityKey(string Kind, string Value) : IComparable<IdentityKey>
{
    public const string EmailKind = "email";
    public const string PhoneKind = "phone";
    public const string ExternalKind = "external";
    public const string AnonymousKind = "anonymous";

    public static IdentityKey ForEmail(string normalisedEmail) => new(EmailKind, normalisedEmail);

    public static IdentityKey ForPhone(string e164) => new(PhoneKind, e164);

    /// <summary>A source's record id as <c>connection:id</c>; the id may itself hold colons (<c>hubspot:contact:123</c>).</summary>
    public static IdentityKey ForExternalId(string connection, string recordId) => new(ExternalKind, $"{connection}:{recordId}");

    /// <summary>A source's anonymous or device id as <c>connection:id</c>: the same cookie in two sources is two ids.</summary>
    public static IdentityKey ForAnonymousId(string connection, string anonymousId) => new(AnonymousKind, $"{connection}:{anonymousId}");

    /// <summary>The connection an external or anonymous id belongs to; null for emails and phones.</summary>
    public string? Connection => Kind is ExternalKind or AnonymousKind && Value.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon
        ? Value[..colon]
        : null;

    public int CompareTo(IdentityKey? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byKind = string.CompareOrdinal(Kind, other.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(Value, other.Value);
    }

    public static bool operator <(IdentityKey? left, IdentityKey? right) => Compare(left, right) < 0;

    public static bool operator <=(IdentityKey? left, IdentityKey? right) => Compare(left, right) <= 0;

    public static bool operator >(IdentityKey? left, IdentityKey? right) => Compare(left, right) > 0;

    public static bool operator >=(IdentityKey? left, IdentityKey? right) => Compare(left, right) >= 0;

    private static int Compare(IdentityKey? left, IdentityKey? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public override string ToString() => $"{Kind}:{Value}";
}
