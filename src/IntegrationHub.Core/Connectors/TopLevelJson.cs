using System.Text.Json;

namespace IntegrationHub.Core.Connectors;

/// <summary>Finds a top-level property of a JSON object body with a forward-only reader: nothing is copied or parsed into
/// objects, and a body that is not a JSON object simply has no such property.</summary>
public static class TopLevelJson
{
    /// <summary>The value of the first top-level property called <paramref name="name"/> that is a string; null when the
    /// body is not a JSON object (or not JSON, or not UTF-8) or has no such string.</summary>
    public static string? FindString(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name)
    {
        if (body.TrimStart(" \t\r\n"u8) is not [(byte)'{', ..])
        {
            return null;
        }
        var reader = new Utf8JsonReader(body);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                if (matches && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }
                reader.Skip();
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed JSON or text that is not UTF-8: no property can be read from it.
        }
        return null;
    }
}
