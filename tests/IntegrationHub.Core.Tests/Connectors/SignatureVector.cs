using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Tests.Connectors.Schemes;

namespace IntegrationHub.Core.Tests.Connectors;

/// <summary>One vendor signature vector (<c>Fixtures/webhooks/signatures/*.json</c>; see Fixtures/SOURCES.md for each
/// file's origin): a secret, a body, the headers the vendor sent, the clock to verify at and the expected answer.</summary>
public sealed record SignatureVector(
    string Secret,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    long? Timestamp,
    DateTimeOffset Now,
    TimeSpan? Tolerance,
    bool Valid,
    string Note)
{
    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<SignatureVector> LoadAll(string fixturePath) => VectorFile.Load(fixturePath, From);

    /// <summary>Theory data: every vector of the file by index, named by its note.</summary>
    public static TheoryData<int, string> Cases(string fixturePath) => VectorFile.Cases(LoadAll(fixturePath), v => v.Note);

    private static SignatureVector From(JsonElement vector)
    {
        var headers = VectorFile.Headers(vector);
        var timestamp = UnixSeconds(vector, "timestamp");
        // The clock to freeze is `now`; a vector without one was checked at its own timestamp (or needs no clock).
        var now = UnixSeconds(vector, "now") ?? timestamp ?? 0;
        TimeSpan? tolerance = UnixSeconds(vector, "tolerance_s") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        return new SignatureVector(
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
