using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Tests.Connectors.Schemes;

namespace IntegrationHub.Core.Tests.Connectors.StandardWebhooks;

/// <summary>One published signature vector from <c>Fixtures/webhooks/signatures/standard_webhooks.json</c>.</summary>
public sealed record StandardWebhooksVector(
    string Secret,
    string PublicKey,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Now,
    TimeSpan? Tolerance,
    bool Valid,
    string Note,
    string Source)
{
    public const string FixturePath = "Fixtures/webhooks/signatures/standard_webhooks.json";

    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<StandardWebhooksVector> LoadAll() => VectorFile.Load(FixturePath, From);

    private static StandardWebhooksVector From(JsonElement vector)
    {
        var headers = VectorFile.Headers(vector);
        // The clock to freeze is `now`; a vector without one was signed "just now", at its own timestamp.
        var clock = vector.TryGetProperty("now", out var now) && now.ValueKind == JsonValueKind.Number
            ? now.GetInt64()
            : UnixSeconds(vector.GetProperty("timestamp"));
        TimeSpan? tolerance = vector.TryGetProperty("tolerance_s", out var seconds) && seconds.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromSeconds(seconds.GetInt64())
            : null;
        return new StandardWebhooksVector(
            Text(vector, "secret"),
            WebhookPublicKey(Text(vector, "v1a_public_key")),
            Text(vector, "body"),
            headers,
            DateTimeOffset.FromUnixTimeSeconds(clock),
            tolerance,
            vector.GetProperty("valid").ValueKind == JsonValueKind.True,
            Text(vector, "note"),
            Text(vector, "source"));
    }

    /// <summary>The vectors give an Ed25519 key as PEM SubjectPublicKeyInfo; a Standard Webhooks sender serialises it as
    /// <c>whpk_</c> and the base64 of the raw 32-byte key, which is what the SPKI ends with.</summary>
    private static string WebhookPublicKey(string pem)
    {
        if (pem.Length == 0)
        {
            return "";
        }
        var base64 = string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)));
        return "whpk_" + Convert.ToBase64String(Convert.FromBase64String(base64)[^32..]);
    }

    private static long UnixSeconds(JsonElement timestamp) => timestamp.ValueKind == JsonValueKind.Number
        ? timestamp.GetInt64()
        : long.Parse(timestamp.GetString()!, CultureInfo.InvariantCulture);

    private static string Text(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
