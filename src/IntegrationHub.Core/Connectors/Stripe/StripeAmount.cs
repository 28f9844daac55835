using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Core.Connectors.Stripe;

/// <summary>Stripe amounts are integers in the currency's smallest unit: cents for USD, whole yen for JPY (a
/// zero-decimal currency), thousandths for KWD (a three-decimal one), per Stripe's currency documentation.</summary>
internal static class StripeAmount
{
    private static readonly HashSet<string> ZeroDecimal = new(
        ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> ThreeDecimal = new(["bhd", "jod", "kwd", "omr", "tnd"], StringComparer.OrdinalIgnoreCase);

    /// <summary><c>", USD 59.00"</c> from the first of <paramref name="amountFields"/> present and the object's
    /// <c>currency</c>; empty when either is missing.</summary>
    public static string Describe(JsonElement subject, params string[] amountFields)
    {
        var currency = FieldPath.Read(subject, "currency");
        if (currency is null)
        {
            return "";
        }
        foreach (var field in amountFields)
        {
            if (subject.ValueKind == JsonValueKind.Object
                && subject.TryGetProperty(field, out var amount)
                && amount.ValueKind == JsonValueKind.Number
                && amount.TryGetInt64(out var minor))
            {
                return ", " + Format(minor, currency);
            }
        }
        return "";
    }

    public static string Format(long minorUnits, string currency)
    {
        var code = currency.ToUpperInvariant();
        if (ZeroDecimal.Contains(currency))
        {
            return $"{code} {minorUnits.ToString(CultureInfo.InvariantCulture)}";
        }
        var (divisor, format) = ThreeDecimal.Contains(currency) ? (1000m, "0.000") : (100m, "0.00");
        return $"{code} {(minorUnits / divisor).ToString(format, CultureInfo.InvariantCulture)}";
    }
}
