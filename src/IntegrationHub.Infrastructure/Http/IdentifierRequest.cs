using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>An identifier in an operator's request: <c>kind</c> (<c>email</c>, <c>phone</c>, <c>external</c>,
/// <c>anonymous</c>) and <c>value</c> (record and device ids as <c>connection:id</c>, as the identity view shows them).</summary>
public sealed record IdentifierRequest(string? Kind, string? Value)
{
    /// <summary>The identifier, normalised as events' identifiers are; null when it is not a valid one.</summary>
    public IdentityKey? ToKey(IdentifierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(Value))
        {
            return null;
        }
        return Kind switch
        {
            IdentityKey.EmailKind => policy.Email(Value) is { } email ? IdentityKey.ForEmail(email) : null,
            IdentityKey.PhoneKind => policy.Phone(Value) is { } phone ? IdentityKey.ForPhone(phone) : null,
            IdentityKey.ExternalKind or IdentityKey.AnonymousKind when Value.Trim().IndexOf(':', StringComparison.Ordinal) > 0 =>
                new IdentityKey(Kind, Value.Trim()),
            _ => null,
        };
    }
}
