using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Core.Model;

/// <summary>Message ids every transport accepts. Service Bus takes at most 128 characters, so a longer id is replaced
/// by its SHA-256 (64 hex digits): still deterministic, so duplicate detection still recognises a repeat.</summary>
public static class MessageIds
{
    public const int MaxLength = 128;

    public static string Bounded(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length <= MaxLength ? id : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
    }
}
