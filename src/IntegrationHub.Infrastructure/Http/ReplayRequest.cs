using System.Globalization;
using System.Text.Json;
using IntegrationHub.Core.Operations;

namespace IntegrationHub.Infrastructure.Http;

/// <summary>The body of <c>POST /api/replays</c>: <c>{"connection": "…", "from": "…", "to": "…"}</c>, each time ISO 8601
/// or unix seconds (a string or a number), the range from inclusive, to exclusive, on the time the hub received each
/// delivery.</summary>
public sealed record ReplayRequest(string Connection, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Far more than a connection name and two times need.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>Reads the body, or says in <paramref name="problem"/> what is wrong with it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out ReplayRequest? request, out string? problem)
    {
        request = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException)
        {
            problem = """The body must be JSON: {"connection": "…", "from": "…", "to": "…"}.""";
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = """The body must be a JSON object: {"connection": "…", "from": "…", "to": "…"}.""";
                return false;
            }
            if (!root.TryGetProperty("connection", out var connection) || connection.ValueKind != JsonValueKind.String
                || connection.GetString() is not { Length: > 0 } name)
            {
                problem = "'connection' is required: the name of a configured connection.";
                return false;
            }
            if (!TryReadTime(root, "from", out var from, out problem) || !TryReadTime(root, "to", out var to, out problem))
            {
                return false;
            }
            if (from >= to)
            {
                problem = "'from' must be before 'to'.";
                return false;
            }
            request = new ReplayRequest(name, from, to);
            return true;
        }
    }

    private static bool TryReadTime(JsonElement root, string name, out DateTimeOffset time, out string? problem)
    {
        time = default;
        problem = $"'{name}' is required: ISO 8601 (e.g. 2026-11-20T10:00:00Z) or unix seconds.";
        if (!root.TryGetProperty(name, out var value))
        {
            return false;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (!InstantText.TryParse(text, out time))
        {
            problem = $"'{name}' is not a time: give ISO 8601 (e.g. 2026-11-20T10:00:00Z) or unix seconds.";
            return false;
        }
        problem = null;
        return true;
    }
}
