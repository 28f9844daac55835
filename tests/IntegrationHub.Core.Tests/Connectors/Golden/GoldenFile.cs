using System.Text.Encodings.Web;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Tests.Connectors.Golden;

/// <summary>Golden-file checks for normalisers: a vendor payload's canonical output is compared with a reviewed file in
/// <c>Fixtures/webhooks/golden/{vendor}/{payload}.canonical.json</c>. Run the tests with
/// <c>INTEGRATIONHUB_UPDATE_GOLDEN=1</c> to write the files afresh into the source tree; review the diff before committing.</summary>
public static class GoldenFile
{
    public const string UpdateVariable = "INTEGRATIONHUB_UPDATE_GOLDEN";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The raw bytes of a vendor payload sample.</summary>
    public static byte[] Payload(string vendor, string file) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "payloads", vendor, file));

    /// <summary>An archived delivery of a payload sample, as the normaliser receives it.</summary>
    public static ArchivedDelivery Delivery(string provider, string vendor, string file, IReadOnlyDictionary<string, string>? headers = null) =>
        new("golden", provider, "d-1", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), Payload(vendor, file));

    public static string Canonical(NormalisedDelivery delivery) => JsonSerializer.Serialize(delivery, Json) + "\n";

    public static void AssertMatches(string vendor, string file, NormalisedDelivery actual)
    {
        var name = $"{file}.canonical.json";
        var canonical = Canonical(actual);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            var source = Path.Combine(SourceFixtures(), "golden", vendor);
            Directory.CreateDirectory(source);
            File.WriteAllText(Path.Combine(source, name), canonical);
            return;
        }
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "webhooks", "golden", vendor, name);
        Assert.True(File.Exists(expectedPath), $"No golden file {vendor}/{name}: run the tests with {UpdateVariable}=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), canonical.ReplaceLineEndings("\n"));
    }

    private static string SourceFixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "IntegrationHub.Core.Tests", "Fixtures", "webhooks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("Could not find tests/IntegrationHub.Core.Tests/Fixtures/webhooks above the test output.");
    }
}
