using System.Security.Cryptography;
using System.Web;

namespace IntegrationHub.Core.Connectors;

/// <summary>Checks a plain shared-secret token (for vendors that do not sign: Mailchimp, Marketo) against the
/// connection's secrets in constant time. Both sides are hashed first, so neither the comparison's time nor an early
/// length mismatch says anything about a secret.</summary>
internal static class SharedSecretToken
{
    /// <summary>The decoded value of the first query parameter called <paramref name="name"/> (names compared ignoring
    /// case), exactly as <see cref="HttpUtility.ParseQueryString(string)"/> reads it; empty when there is none.</summary>
    public static ReadOnlySpan<char> FromQuery(Uri url, string name)
    {
        var query = url.Query;
        if (query.AsSpan().ContainsAny('%', '+'))
        {
            // Escaped text needs decoding; tokens are plain, so only an unusual URL pays for the general parser.
            return HttpUtility.ParseQueryString(query).GetValues(name)?[0];
        }
        var parameters = query.AsSpan().TrimStart('?');
        foreach (var range in parameters.Split('&'))
        {
            var pair = parameters[range];
            var equals = pair.IndexOf('=');
            if (equals >= 0 && pair[..equals].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return pair[(equals + 1)..];
            }
        }
        return default;
    }

    public static bool MatchesAny(ReadOnlySpan<char> offered, IReadOnlyList<string> secrets)
    {
        Span<byte> text = stackalloc byte[SecretBytes.StackSize];
        Span<byte> offeredHash = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> secretHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(SecretBytes.Utf8(offered, text), offeredHash);
        var matched = false;
        for (var i = 0; i < secrets.Count; i++)
        {
            SHA256.HashData(SecretBytes.Utf8(secrets[i], text), secretHash);
            matched |= CryptographicOperations.FixedTimeEquals(offeredHash, secretHash);
        }
        CryptographicOperations.ZeroMemory(text);
        return matched;
    }
}
