using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using IntegrationHub.Core.Configuration;
using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Connectors.Marketo;

/// <summary>Reads a JSON body whose shape the customer chose (a Marketo webhook template, a Zendesk trigger's custom
/// body): fields through the connection's field map, the event type through <c>EventType:{type}</c> settings, and
/// zone-less times in the zone the <c>TimeZone</c> setting names (UTC when unset).</summary>
internal static class TemplateBody
{
    public const string EventTypeSettingPrefix = "EventType:";

    /// <summary>The setting for every event type no other <c>EventType:</c> setting names.</summary>
    public const string AnyEventTypeSetting = EventTypeSettingPrefix + "*";

    public const string TimeZoneSetting = "TimeZone";

    /// <summary>Every <see cref="InteractionTypes"/> constant: the values an <c>EventType:</c> setting may take.</summary>
    private static readonly FrozenSet<string> CanonicalTypes = typeof(InteractionTypes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The field the connection's field map names for <paramref name="field"/>, else the one at
    /// <paramref name="defaultPath"/>; null when absent or blank.</summary>
    public static string? Read(JsonElement root, ConnectionOptions connection, string field, string defaultPath) =>
        FieldPath.Read(root, connection.FieldMap.GetValueOrDefault(field, defaultPath));

    public static bool IsCanonical(string type) => CanonicalTypes.Contains(type);

    /// <summary>The canonical type for a body's event type: its <c>EventType:{type}</c> setting, else
    /// <paramref name="defaults"/>, else <c>EventType:*</c>; null (unmapped) when none applies or the setting names no
    /// canonical type.</summary>
    public static string? CanonicalType(ConnectionOptions connection, string? sourceType, Func<string, string?> defaults)
    {
        var configured = sourceType is null ? null : connection.Settings.GetValueOrDefault(EventTypeSettingPrefix + sourceType);
        var type = configured
            ?? (sourceType is null ? null : defaults(sourceType))
            ?? connection.Settings.GetValueOrDefault(AnyEventTypeSetting);
        return type is not null && IsCanonical(type.Trim()) ? type.Trim() : null;
    }

    /// <summary>Reads a time: ISO 8601 with an offset as written; without one (Marketo's <c>2018-03-07 14:28:16</c>) in
    /// the connection's <c>TimeZone</c>; null when the text is not a time.</summary>
    public static DateTimeOffset? ParseTime(string? text, ConnectionOptions connection)
    {
        if (text is null || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return null;
        }
        if (parsed.Kind != DateTimeKind.Unspecified)
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        }
        var zone = Zone(connection) ?? TimeZoneInfo.Utc;
        return new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)).ToUniversalTime();
    }

    /// <summary>Why the connection's template settings cannot be used, or null; for start-up validation.</summary>
    public static string? ConfigurationProblem(ConnectionOptions connection)
    {
        if (connection.Settings.GetValueOrDefault(TimeZoneSetting) is { Length: > 0 } zone && Zone(connection) is null)
        {
            return $"Settings:{TimeZoneSetting} '{zone}' is not a time zone this system knows.";
        }
        var wrong = connection.Settings
            .Where(s => s.Key.StartsWith(EventTypeSettingPrefix, StringComparison.OrdinalIgnoreCase) && !IsCanonical(s.Value.Trim()))
            .Select(s => $"Settings:{s.Key} '{s.Value}'")
            .ToList();
        return wrong.Count == 0
            ? null
            : $"{string.Join(", ", wrong)} must name a canonical interaction type ({string.Join(", ", CanonicalTypes.Order(StringComparer.Ordinal))}).";
    }

    private static TimeZoneInfo? Zone(ConnectionOptions connection) =>
        connection.Settings.GetValueOrDefault(TimeZoneSetting) is { Length: > 0 } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone)
            ? zone
            : null;
}
