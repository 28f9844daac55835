using System.Text.Json;
using IntegrationHub.Core.Tests.Connectors.Schemes;

namespace IntegrationHub.Core.Tests.Connectors.HubSpot;

/// <summary>One published signature vector from <c>Fixtures/webhooks/signatures/hubspot.json</c>.</summary>
public sealed record HubSpotVector(
    string Secret,
    string Body,
    string Method,
    Uri Url,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Now,
    bool Valid,
    string Note,
    string Source)
{
    public const string FixturePath = "Fixtures/webhooks/signatures/hubspot.json";

    /// <summary>v1 signs no URI, so the docs' v1 example gives none; any URL stands in for it.</summary>
    private static readonly Uri UnsignedUrl = new("https://hub.example.test/api/webhooks/hubspot");

    /// <summary>v1 and v2 sign no time; their vectors give none, and any clock will do.</summary>
    private static readonly DateTimeOffset UnsignedClock = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<HubSpotVector> LoadAll() => VectorFile.Load(FixturePath, From);

    /// <summary>Every vector, by index, with its note to name the case: all of them are in the scheme.</summary>
    public static TheoryData<int, string> Cases() => VectorFile.Cases(LoadAll(), v => v.Note);

    private static HubSpotVector From(JsonElement vector)
    {
        var headers = VectorFile.Headers(vector);
        // The clock to freeze is `now_ms`; a v3 vector without one was signed "just now", at its own timestamp (ms).
        var now = Number(vector, "now_ms") ?? Number(vector, "timestamp");
        return new HubSpotVector(
            Text(vector, "secret"),
            Text(vector, "body"),
            Text(vector, "method"),
            vector.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String ? new Uri(url.GetString()!) : UnsignedUrl,
            headers,
            now is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : UnsignedClock,
            vector.GetProperty("valid").ValueKind == JsonValueKind.True,
            Text(vector, "note"),
            Text(vector, "source"));
    }

    private static long? Number(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    private static string Text(JsonElement vector, string name) =>
        vector.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
