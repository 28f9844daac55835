using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Names a blocking key in storage by a hash, so that no name, date of birth or postcode appears in a key.</summary>
public static class MatchBlocks
{
    /// <summary>Rules on an email or phone as a whole: equal values are the identity graph's to link (or to keep apart,
    /// when marked shared), so the pipeline does not block on them.</summary>
    private static readonly HashSet<string> IdentifierRules = new(["email", "phone"], StringComparer.Ordinal);

    public static string Hash(MatchBlockKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key.Rule + "\u001f" + key.Key));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>The hashed blocks of a record under the model's rules, identifier rules left out.</summary>
    public static IReadOnlyList<string> For(MatchModel model, MatchRecord record, string defaultPhoneRegion)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.BlockingKeys(record, defaultPhoneRegion).Where(k => !IdentifierRules.Contains(k.Rule)).Select(Hash).Distinct()];
    }
}
