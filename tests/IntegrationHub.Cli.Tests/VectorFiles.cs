using System.Globalization;
using System.Text.Json;
using IntegrationHub.Cli.Webhooks;

namespace IntegrationHub.Cli.Tests;

/// <summary>Reads the vendors' signature vectors (see the Core tests' Fixtures/SOURCES.md for where each comes from)
/// as <c>hub webhooks verify</c> invocations.</summary>
internal static class VectorFiles
{
    /// <summary>Vector file → provider id, for every provider whose verifier is registered.</summary>
    public static IReadOnlyList<(string File, string Provider)> Providers { get; } =
    [
        ("standard_webhooks.json", "standard-webhooks"),
        ("stripe.json", "stripe"),
        ("shopify.json", "shopify"),
        ("hubspot.json", "hubspot"),
        ("segment.json", "segment"),
        ("zendesk.json", "zendesk"),
        ("typeform.json", "typeform"),
        ("sendgrid.json", "sendgrid"),
        ("mailgun.json", "mailgun"),
        ("slack.json", "slack"),
        // Meta signs exactly as GitHub does (X-Hub-Signature-256), so GitHub's vectors exercise it.
        ("github.json", "meta"),
    ];

    /// <summary>Vectors without a key to verify with (the spec's own examples publish none) cannot run.</summary>
    public static bool IsRunnable(string file, JsonElement vector) =>
        vector.TryGetProperty("secret", out var secret) && secret.ValueKind == JsonValueKind.String && secret.GetString()!.Length > 0
        || vector.TryGetProperty("public_key", out _)
        || vector.TryGetProperty("v1a_public_key", out _);

    public static Vector Load(string file, int index)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "signatures", file);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var element = document.RootElement[index];
        string? Text(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
        var headers = element.GetProperty("headers").EnumerateObject().Select(h => $"{h.Name}: {h.Value.GetString()}").ToArray();
        return new Vector(
            Providers.Single(p => p.File == file).Provider,
            Text("secret"),
            Text("public_key") ?? WebhookPublicKey(Text("v1a_public_key")),
            Text("url"),
            Text("method") ?? "POST",
            Text("now") ?? Text("now_ms") ?? Text("timestamp"),
            headers,
            Text("body") ?? "",
            element.GetProperty("valid").GetBoolean(),
            Text("note") ?? "");
    }

    /// <summary>The Standard Webhooks vectors give an Ed25519 key as PEM; a sender publishes it as <c>whpk_</c> and the
    /// base64 of the raw 32-byte key, which is how an operator passes it to <c>--public-key</c>.</summary>
    private static string? WebhookPublicKey(string? pem)
    {
        if (pem is null)
        {
            return null;
        }
        var base64 = string.Concat(pem.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal))).Trim();
        return "whpk_" + Convert.ToBase64String(Convert.FromBase64String(base64)[^32..]);
    }

    internal sealed record Vector(
        string Provider, string? Secret, string? PublicKey, string? Url, string Method, string? Now,
        string[] Headers, string Body, bool Valid, string Note)
    {
        public VerifyRequest ToRequest(string bodyFile) => new(
            Provider,
            Secret is null ? [] : [Secret],
            PublicKey is null ? [] : [PublicKey],
            Url,
            Method,
            long.TryParse(Now, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? Now : null,
            Headers,
            [],
            new FileInfo(bodyFile));
    }
}
