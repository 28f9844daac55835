using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationHub.Infra.Tests.Settings;

/// <summary>Every setting the code requires, read from local.settings.sample.json (the settings the Functions app
/// runs with) and host.json (<c>%Setting%</c> placeholders and storage connection names), turned into what the Azure
/// deployment must set instead:
/// <list type="bullet">
/// <item>FUNCTIONS_WORKER_RUNTIME: the Flex Consumption functionAppConfig runtime, not an app setting;</item>
/// <item>a connection string (storage or Service Bus): the identity-based form, <c>{name}__accountName</c> or
/// <c>{name}__fullyQualifiedNamespace</c> with <c>__credential</c> and <c>__clientId</c>, and never the plain name;</item>
/// <item><c>Hub__Connections__{connection}__…</c>: the same setting for every connection in the template's loop;</item>
/// <item>anything else: the same name.</item>
/// </list></summary>
public static partial class RequiredSettings
{
    public const string ConnectionsPrefix = "Hub__Connections__";
    public const string ConnectionPlaceholder = "{0}";
    public const string WorkerRuntimeKey = "FUNCTIONS_WORKER_RUNTIME";

    public static IReadOnlyList<SettingRequirement> From(JsonObject localSettingsSample, JsonNode hostJson)
    {
        var required = new Dictionary<string, SettingRequirement>(StringComparer.OrdinalIgnoreCase);
        var values = localSettingsSample["Values"] as JsonObject
            ?? throw new InvalidOperationException("local.settings.sample.json has no Values.");
        foreach (var (key, value) in values)
        {
            var requirement = ForSampleSetting(key, value?.GetValue<string>() ?? "");
            required.TryAdd(requirement.Key, requirement);
        }
        foreach (var placeholder in Strings(hostJson).SelectMany(s => Placeholder().Matches(s)).Select(m => m.Groups[1].Value))
        {
            required.TryAdd(placeholder, Same("host.json", placeholder));
        }
        foreach (var connection in ConnectionNames(hostJson))
        {
            required.TryAdd(connection, IdentityConnection("host.json", connection, StorageAddresses(connection)));
        }
        return [.. required.Values];
    }

    private static SettingRequirement ForSampleSetting(string key, string value)
    {
        const string origin = "local.settings.sample.json";
        if (string.Equals(key, WorkerRuntimeKey, StringComparison.OrdinalIgnoreCase))
        {
            return new SettingRequirement(origin, key, "Flex Consumption: functionAppConfig.runtime.name", [], [key], value);
        }
        if (value.Contains("Endpoint=sb://", StringComparison.OrdinalIgnoreCase))
        {
            return IdentityConnection(origin, key, [$"{key}__fullyQualifiedNamespace"]);
        }
        if (IsStorageConnectionString(value))
        {
            return IdentityConnection(origin, key, StorageAddresses(key));
        }
        if (key.StartsWith(ConnectionsPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return PerConnection(origin, key);
        }
        return Same(origin, key);
    }

    private static SettingRequirement Same(string origin, string key) =>
        new(origin, key, "the same setting", [[key]], []);

    private static SettingRequirement IdentityConnection(string origin, string key, IReadOnlyList<string> addresses) =>
        new(origin, key, "identity-based connection", [addresses, [$"{key}__credential"], [$"{key}__clientId"]], [key]);

    /// <summary><c>Hub__Connections__demo__Secrets__0</c> asks for <c>Hub__Connections__{0}__Secrets__0</c>: the name the
    /// template's per-connection loop formats.</summary>
    private static SettingRequirement PerConnection(string origin, string key)
    {
        var rest = key[ConnectionsPrefix.Length..];
        var separator = rest.IndexOf("__", StringComparison.Ordinal);
        var pattern = separator < 0 ? key : ConnectionsPrefix + ConnectionPlaceholder + rest[separator..];
        return new SettingRequirement(origin, key, "set for every connection", [[pattern]], []);
    }

    private static string[] StorageAddresses(string key) => [$"{key}__accountName", $"{key}__blobServiceUri"];

    private static bool IsStorageConnectionString(string value) =>
        value.Contains("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("DefaultEndpointsProtocol=", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> ConnectionNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => string.Equals(p.Key, "connectionName", StringComparison.OrdinalIgnoreCase)
            && p.Value is JsonValue v && v.TryGetValue<string>(out var name) ? [name] : ConnectionNames(p.Value)),
        JsonArray a => a.SelectMany(ConnectionNames),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [GeneratedRegex("%([A-Za-z0-9_:.]+)%")]
    private static partial Regex Placeholder();
}
