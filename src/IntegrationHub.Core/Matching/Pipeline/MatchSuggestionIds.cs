using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>A suggestion's id is a function of its pair of profile ids, in either order.</summary>
public static class MatchSuggestionIds
{
    public const string Prefix = "s_";

    public static string For(string profileId, string otherProfileId)
    {
        var (a, b) = Order(profileId, otherProfileId);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a + "|" + b)), 0, 16);
    }

    public static (string A, string B) Order(string profileId, string otherProfileId) =>
        string.CompareOrdinal(profileId, otherProfileId) <= 0 ? (profileId, otherProfileId) : (otherProfileId, profileId);

    public static bool IsWellFormed(string? id) =>
        id is { Length: 34 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id[2..].All(char.IsAsciiHexDigitLower);
}
