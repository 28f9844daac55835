using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Infra.Tests.Template;

namespace IntegrationHub.Infra.Tests.Settings;

/// <summary>The app settings the compiled template gives the Function App, by name: literal names, and the names a
/// loop formats (<c>Hub__Connections__{0}__Provider</c>), each with the JSON or expression text of its value.</summary>
public sealed partial class TemplateAppSettings
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private TemplateAppSettings(string? workerRuntime) => WorkerRuntime = workerRuntime;

    public IReadOnlyCollection<string> Names => _values.Keys;

    /// <summary>functionAppConfig.runtime.name: where Flex Consumption takes the worker runtime from.</summary>
    public string? WorkerRuntime { get; }

    public bool Contains(string name) => _values.ContainsKey(name);

    public string ValueOf(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"main.bicep sets no {name}.");

    public static TemplateAppSettings Read(CompiledTemplate template)
    {
        var site = template.One("Microsoft.Web/sites");
        var runtime = ArmExpression.Resolve(site.Properties?["functionAppConfig"]?["runtime"]?["name"], site.Scope);
        var settings = new TemplateAppSettings(runtime is JsonValue v && v.TryGetValue<string>(out var name) ? name : null);
        settings.Collect(site.Properties?["siteConfig"]?["appSettings"], site.Scope, depth: 0);
        return settings;
    }

    private void Collect(JsonNode? node, TemplateScope scope, int depth)
    {
        if (depth > 16)
        {
            return;
        }
        switch (node)
        {
            case JsonArray items:
                foreach (var item in items)
                {
                    Collect(item, scope, depth + 1);
                }
                break;
            case JsonObject setting when setting["name"] is JsonValue name && name.TryGetValue<string>(out var text):
                _values[NameOf(text)] = ArmExpression.Text(setting["value"]);
                break;
            case JsonValue value when value.TryGetValue<string>(out var expression) && ArmExpression.IsExpression(expression):
                CollectExpression(expression, scope, depth);
                break;
        }
    }

    private void CollectExpression(string expression, TemplateScope scope, int depth)
    {
        foreach (var variable in ArmExpression.Variables(expression))
        {
            Collect(scope.Variables[variable], scope, depth + 1);
        }
        foreach (var parameter in ArmExpression.Parameters(expression))
        {
            if (scope.ParameterValue(parameter) is { } passed && scope.Parent is { } parent)
            {
                Collect(passed, parent, depth + 1);
            }
        }
        var entries = CreatedSetting().Matches(expression);
        for (var i = 0; i < entries.Count; i++)
        {
            var end = i + 1 < entries.Count ? entries[i + 1].Index : expression.Length;
            _values[entries[i].Groups["name"].Value] = expression[(entries[i].Index + entries[i].Length)..end];
        }
    }

    /// <summary>A literal name, or the format string of a computed one.</summary>
    private static string NameOf(string name) =>
        ArmExpression.IsExpression(name) && FirstLiteral().Match(name) is { Success: true } literal ? literal.Groups[1].Value : name;

    [GeneratedRegex(@"createObject\('name', (?:format\()?'(?<name>[^']*)'")]
    private static partial Regex CreatedSetting();

    [GeneratedRegex(@"^\[(?:format\()?'([^']*)'")]
    private static partial Regex FirstLiteral();
}
