using System.Globalization;

namespace IntegrationHub.Cli.Bench;

/// <summary>Durations as people type them: <c>60s</c>, <c>2m</c>, <c>500ms</c>, a bare number of seconds, or a
/// <c>hh:mm:ss</c> time span.</summary>
internal static class BenchDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1)
            : text.EndsWith('m') ? (text[..^1], 60)
            : text.EndsWith('h') ? (text[..^1], 3600)
            : (text, 1.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            duration = TimeSpan.FromSeconds(value * unit);
        }
        else if (!text.Contains(':', StringComparison.Ordinal) || !TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration))
        {
            return false;
        }
        return duration >= TimeSpan.Zero;
    }
}
