using System.Text.Json;
using IntegrationHub.Core.Tests.Connectors.Schemes;

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
    public static IReadOnlyList<SendGridVector> LoadAll() => VectorFile.Load(FixturePath, From);

    /// <summary>Every vector, by index, with its note to name the case: all of them are in the scheme.</summary>
    public static TheoryData<int, string> Cases() => VectorFile.Cases(LoadAll(), v => v.Note);

    private static SendGridVector From(JsonElement vector)
    {
        var headers = VectorFile.Headers(vector);
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
