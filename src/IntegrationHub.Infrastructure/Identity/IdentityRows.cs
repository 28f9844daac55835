using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Identity;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;

namespace IntegrationHub.Infrastructure.Identity;

/// <summary>The keys of the <c>identities</c> table. Every row about one identifier shares its partition
/// (<c>{kind}-{first two hex digits of SHA-256(value)}</c>) and starts its row key with the value's SHA-256, so one
/// range scan reads them all: the pointer (<c>{sha}</c>, derived: the profile id), the operator's shared mark
/// (<c>{sha}!shared</c>) and one fact row per event (<c>{sha}_{connection}:{escaped event id}</c>). No email or phone
/// number appears in a key.</summary>
internal static class IdentityRows
{
    private const string SharedSuffix = "!shared";
    private const char FactSeparator = '_';

    /// <summary>Sorts after every row key of one identifier: <c>!</c> and <c>_</c> sort before it.</summary>
    private const char RangeEnd = '`';

    public static string PartitionKey(IdentityKey key) =>
        TableKeys.For(key.Kind, nameof(key.Kind)) + "-" + Hash(key)[..2];

    public static string Pointer(IdentityKey key) => Hash(key);

    public static string Shared(IdentityKey key) => Hash(key) + SharedSuffix;

    public static string Fact(IdentityKey key, EventRef reference) =>
        TableKeys.For(Hash(key) + FactSeparator + reference.Connection + ":" + reference.EventId, "event reference");

    /// <summary>Row keys from <c>lower</c> (inclusive) to <c>upper</c> (exclusive) hold every row of the identifier.</summary>
    public static (string Lower, string Upper) Range(IdentityKey key) => (Hash(key), Hash(key) + RangeEnd);

    public static bool IsShared(string rowKey) => rowKey.EndsWith(SharedSuffix, StringComparison.Ordinal);

    public static bool IsFact(string rowKey) => rowKey.Length > 64 && rowKey[64] == FactSeparator;

    private static string Hash(IdentityKey key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Value)));
}
