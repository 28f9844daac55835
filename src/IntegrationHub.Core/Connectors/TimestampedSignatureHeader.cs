using System.Globalization;
using System.Security.Cryptography;
using IntegrationHub.Core.Webhooks;

namespace IntegrationHub.Core.Connectors;

/// <summary>The <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=…]</c> signature header Stripe introduced and Calendly copied:
/// each <c>v1</c> a hex HMAC-SHA256 of <c>{t}.{body}</c> keyed by the signing secret's UTF-8 text. Any <c>v1</c> may match
/// (a vendor sends two while a secret is rolled); other schemes (<c>v0</c>) are ignored.</summary>
public static class TimestampedSignatureHeader
{
    /// <summary>Checks <paramref name="header"/> (the value of the header called <paramref name="headerName"/>) against
    /// the body and secrets, then <c>t</c> against the tolerance, so a stale timestamp means a genuine but old delivery.
    /// Returns the problem, or null when the delivery is valid.</summary>
    public static WebhookProblem? Check(
        string? header, string headerName, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
        {
            return WebhookProblem.MissingSignature($"The {headerName} header is missing.");
        }
        if (!TryParse(header, out var timestampText, out var timestamp))
        {
            return WebhookProblem.InvalidSignature(
                $"The {headerName} header is malformed: it needs t=<unix seconds> and at least one v1=<hex> entry.");
        }
        if (!AnySecretMatches(header, timestampText, body, secrets))
        {
            return WebhookProblem.InvalidSignature($"No v1 signature in the {headerName} header matches a configured secret.");
        }
        var toleranceSeconds = (long)tolerance.TotalSeconds;
        var age = now.ToUnixTimeSeconds() - timestamp;
        return Math.Abs(age) > toleranceSeconds
            ? WebhookProblem.StaleTimestamp(
                $"The {headerName} timestamp t={timestamp} is {Math.Abs(age)} seconds in the {(age > 0 ? "past" : "future")}, "
                + $"beyond the {toleranceSeconds}-second tolerance.")
            : null;
    }

    /// <summary>Finds <c>t</c> (digits only) and checks there is at least one non-empty <c>v1</c>, as Stripe's libraries do.</summary>
    private static bool TryParse(string header, out ReadOnlySpan<char> timestampText, out long timestamp)
    {
        timestampText = default;
        var hasSignature = false;
        foreach (var range in header.AsSpan().Split(','))
        {
            var entry = header.AsSpan()[range].Trim();
            if (entry.StartsWith("t=", StringComparison.Ordinal))
            {
                timestampText = entry[2..];
            }
            else if (entry.StartsWith("v1=", StringComparison.Ordinal) && entry.Length > 3)
            {
                hasSignature = true;
            }
        }
        timestamp = 0;
        return hasSignature && long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }

    /// <summary>True when any <c>v1</c> in <paramref name="header"/> is the signature of <paramref name="body"/> at
    /// <paramref name="timestampText"/> under any of <paramref name="secrets"/>.</summary>
    private static bool AnySecretMatches(string header, ReadOnlySpan<char> timestampText, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        Span<byte> prefix = stackalloc byte[SignedParts.PrefixStackSize];
        var signed = new SignedParts(SignedParts.Utf8(prefix, timestampText, "."), body);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        for (var i = 0; i < secrets.Count; i++)
        {
            SecretHmac.Compute(HashAlgorithmName.SHA256, secrets[i], signed, expected);
            foreach (var range in header.AsSpan().Split(','))
            {
                var entry = header.AsSpan()[range].Trim();
                if (entry.StartsWith("v1=", StringComparison.Ordinal) && SignatureText.HexEquals(entry[3..], expected))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
