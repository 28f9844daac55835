using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Identity;

/// <summary>Profile ids derive from the first identifier a person was seen with, so two workers creating the same
/// person at once choose the same id, and the id reveals nothing of the identifier.</summary>
public static class ProfileIds
{
    public const string Prefix = "p_";

    public static string For(IdentityKey key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString()));
        return Prefix + Convert.ToHexStringLower(hash, 0, 16);
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: 34 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);
}
