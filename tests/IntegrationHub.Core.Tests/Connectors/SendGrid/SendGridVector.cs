using System.Text.Json;

namespace IntegrationHub.Core.Tests.Connectors.SendGrid;

/// <summary>One published signature vector from <c>Fixtures/webhooks/signatures/sendgrid.json</c>.</summary>
public sealed record SendGridVector(
    string PublicKey,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Now,
    bool Valid,
    string Note,
    string Source)
{
    public const string FixturePath = "Fixtures/webhooks/signatures/sendgrid.json";

    /// <summary>The clock for the one vector whose timestamp is not a number ("bad timestamp"): any will do.</summary>
    private static readonly DateTimeOffset UnreadableTimestampClock = DateTimeOffset.FromUnixTimeSeconds(1600112502);

    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<SendGridVector> LoadAll()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, FixturePath)));
        return [.. document.RootElement.EnumerateArray().Select(From)];
    }

    /// <summary>Every vector, by index, with its note to name the case: all of them are in the scheme.</summary>
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

    private static SendGridVector From(JsonElement vector)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in vector.GetProperty("headers").EnumerateObject())
        {
            headers[header.Name] = header.Value.GetString()!;
        }
        // The file has no `now`: each vector was signed "just now", at its own timestamp.
        var timestamp = vector.GetProperty("timestamp");
        return new SendGridVector(
            vector.GetProperty("public_key").GetString()!,
            vector.GetProperty("body").GetString()!,
            headers,
            timestamp.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeSeconds(timestamp.GetInt64()) : UnreadableTimestampClock,
            vector.GetProperty("valid").ValueKind == JsonValueKind.True,
            vector.GetProperty("note").GetString()!,
            vector.GetProperty("source").GetString()!);
    }
}
