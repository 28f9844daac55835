namespace IntegrationHub.Core.Model;

/// <summary>An identifier that points at one person: a normalised email, or a source's record id.</summary>
public sealed record IdentityKey(string Kind, string Value)
{
    public const string EmailKind = "email";
    public const string ExternalKind = "external";

    public static IdentityKey ForEmail(string normalisedEmail) => new(EmailKind, normalisedEmail);

    public static IdentityKey ForExternalId(string connection, string recordId) => new(ExternalKind, $"{connection}:{recordId}");

    public override string ToString() => $"{Kind}:{Value}";
}
