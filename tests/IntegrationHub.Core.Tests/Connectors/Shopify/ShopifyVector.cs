using System.Globalization;
using System.Text.Json;

namespace IntegrationHub.Core.Tests.Connectors.Shopify;

/// <summary>One vector from <c>Fixtures/webhooks/signatures/shopify.json</c> (Shopify's Ruby library's test inputs;
/// expected values computed from the documented scheme).</summary>
public sealed record ShopifyVector(
    string Secret,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    long? Timestamp,
    DateTimeOffset Now,
    TimeSpan? Tolerance,
    bool Valid,
    string Note)
{
    public const string FixturePath = "Fixtures/webhooks/signatures/shopify.json";

    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<ShopifyVector> LoadAll()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, FixturePath)));
        return [.. document.RootElement.EnumerateArray().Select(From)];
    }

    /// <summary>Theory data: every vector by index, named by its note. None is filtered out: all are Shopify's
    /// scheme.</summary>
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var vectors = LoadAll();
        for (var index = 0; index < vectors.Count; index++)
        {
            data.Add(index, vectors[index].Note);
        }
        return data;
    }

    private static ShopifyVector From(JsonElement vector)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in vector.GetProperty("headers").EnumerateObject())
        {
            headers[header.Name] = header.Value.GetString()!;
        }
        var timestamp = UnixSeconds(vector, "timestamp");
        // The clock to freeze is `now`; a vector without one was checked at its own timestamp (or needs no clock).
        var now = UnixSeconds(vector, "now") ?? timestamp ?? 0;
        TimeSpan? tolerance = UnixSeconds(vector, "tolerance_s") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return new ShopifyVector(
            vector.GetProperty("secret").GetString()!,
            vector.GetProperty("body").GetString()!,
            headers,
            timestamp,
            DateTimeOffset.FromUnixTimeSeconds(now),
            tolerance,
            vector.GetProperty("valid").GetBoolean(),
            vector.GetProperty("note").GetString()!);
    }

    private static long? UnixSeconds(JsonElement vector, string name) =>
        !vector.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetInt64()
        : value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture)
        : null;
}
