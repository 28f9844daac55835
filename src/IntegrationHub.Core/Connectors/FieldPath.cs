using System.Text.Json;

namespace IntegrationHub.Core.Connectors;

/// <summary>Reads a scalar at a dotted path (<c>contact.email</c>) of a JSON object, as trimmed text.</summary>
public static class FieldPath
{
    public static string? Read(JsonElement element, string path)
    {
        var current = element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return null;
            }
        }
        var text = current.ValueKind switch
        {
            JsonValueKind.String => current.GetString(),
            JsonValueKind.Number => current.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
