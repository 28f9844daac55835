using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Infrastructure.Archive;

/// <summary>The archive's time-ordered index: beside each delivery, in the same partition and the same transaction,
/// a row keyed <c>%R{received UTC ticks, 19 digits}_{SHA-256 of the delivery id, 32 hex}</c> holding the delivery id, so
/// the deliveries received in a range are one RowKey range scan. No delivery row can have such a key: escaped keys
/// (<see cref="Storage.TableKeys"/>) only ever follow <c>%</c> with two hex digits, and <c>R</c> is not one.</summary>
internal static class ReceivedIndex
{
    public const string Prefix = "%R";
    public const string DeliveryId = "DeliveryId";

    public static string RowKey(DateTimeOffset receivedAt, string deliveryId) =>
        Bound(receivedAt) + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)), 0, 16);

    /// <summary>Every index key of a delivery received at or after <paramref name="at"/> sorts at or after this one.</summary>
    public static string Bound(DateTimeOffset at) =>
        Prefix + Math.Max(at.UtcTicks, 0).ToString("D19", CultureInfo.InvariantCulture);

    public static bool IsIndexKey(string rowKey) => rowKey.StartsWith(Prefix, StringComparison.Ordinal);
}
