using System.Globalization;
using System.Security.Cryptography;

namespace IntegrationHub.Core.Operations;

/// <summary>Replay job ids: 16 hex digits of reversed creation ticks, then 8 random ones — opaque to operators, unique,
/// and sorted newest first wherever they are keys.</summary>
public static class ReplayJobIds
{
    public const int Length = 24;

    public static string New(DateTimeOffset createdAt)
    {
        var reversed = DateTimeOffset.MaxValue.UtcTicks - createdAt.UtcTicks;
        return reversed.ToString("x16", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    }

    public static bool IsWellFormed(string? id) => id is { Length: Length } && id.All(char.IsAsciiHexDigitLower);
}
