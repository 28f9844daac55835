using System.Text.Json;
using IntegrationHub.Core.Tests.Connectors.Schemes;

namespace IntegrationHub.Core.Tests.Connectors.Mailgun;

/// <summary>One published signature vector from <c>Fixtures/webhooks/signatures/mailgun.json</c>: Mailgun signs in the
/// body, so a vector is a signing key, a JSON body and the Unix time it was signed at.</summary>
public sealed record MailgunVector(string Secret, string Body, DateTimeOffset Now, bool Valid, string Note, string Source)
{
    public const string FixturePath = "Fixtures/webhooks/signatures/mailgun.json";

    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<MailgunVector> LoadAll() => VectorFile.Load(FixturePath, From);

    /// <summary>Every vector, by index, with its note to name the case: all of them are in the scheme.</summary>
    public static TheoryData<int, string> Cases() => VectorFile.Cases(LoadAll(), v => v.Note);

    // The clock to freeze: the file has no `now`, so each vector was signed "just now", at its own timestamp.
    private static MailgunVector From(JsonElement vector) => new(
        vector.GetProperty("secret").GetString()!,
        vector.GetProperty("body").GetString()!,
        DateTimeOffset.FromUnixTimeSeconds(vector.GetProperty("timestamp").GetInt64()),
        vector.GetProperty("valid").ValueKind == JsonValueKind.True,
        vector.GetProperty("note").GetString()!,
        vector.GetProperty("source").GetString()!);
}
