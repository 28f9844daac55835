using System.Text.Json;

namespace IntegrationHub.Core.Tests.Connectors.Schemes;

/// <summary>Reads a vendor's signature vector file (<c>Fixtures/webhooks/signatures/*.json</c>, an array of vectors) and
/// turns it into theory data, whatever shape the vendor's vectors have.</summary>
public static class VectorFile
{
    /// <summary>Every vector in the file, read at run time from the test output folder.</summary>
    public static IReadOnlyList<T> Load<T>(string fixturePath, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, fixturePath)));
        return [.. document.RootElement.EnumerateArray().Select(read)];
    }

    /// <summary>Theory data: the vectors <paramref name="include"/> keeps (all when null), by index into the file, named by
    /// their note.</summary>
    public static TheoryData<int, string> Cases<T>(IReadOnlyList<T> vectors, Func<T, string> note, Func<T, bool>? include = null)
    {
        var data = new TheoryData<int, string>();
        for (var index = 0; index < vectors.Count; index++)
        {
            if (include?.Invoke(vectors[index]) ?? true)
            {
                data.Add(index, note(vectors[index]));
            }
        }
        return data;
    }

    /// <summary>A vector's <c>headers</c> object; names ignore case.</summary>
    public static Dictionary<string, string> Headers(JsonElement vector)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in vector.GetProperty("headers").EnumerateObject())
        {
            headers[header.Name] = header.Value.GetString()!;
        }
        return headers;
    }
}
