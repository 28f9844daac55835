using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace IntegrationHub.Core.Connectors.Mailchimp;

/// <summary>Checks a plain shared-secret token (for vendors that do not sign: Mailchimp, Marketo) against the
/// connection's secrets in constant time. Both sides are hashed first, so neither the comparison's time nor an early
/// length mismatch says anything about a secret.</summary>
internal static class SharedSecretToken
{
    /// <summary>The decoded value of the first query parameter called <paramref name="name"/>, or null.</summary>
    public static string? FromQuery(Uri url, string name) => HttpUtility.ParseQueryString(url.Query).GetValues(name)?[0];

    public static bool MatchesAny(string offered, IEnumerable<string> secrets)
    {
        Span<byte> offeredHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> secretHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(offered), offeredHash);
        var matched = false;
        foreach (var secret in secrets)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(secret), secretHash);
            matched |= CryptographicOperations.FixedTimeEquals(offeredHash, secretHash);
        }
        return matched;
    }
}
