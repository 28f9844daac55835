using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationHub.Infra.Tests.Template;

/// <summary>Just enough of ARM template expressions to follow names: which variables and parameters an expression
/// uses, and the text a node stands for once the variables it uses are written out.</summary>
public static partial class ArmExpression
{
    /// <summary>Writes JSON with ARM's single quotes as they are (the default encoder escapes them).</summary>
    public static readonly JsonSerializerOptions Verbatim = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode? node) => node?.ToJsonString(Verbatim) ?? "null";

    public static bool IsExpression(string value) => value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal);

    public static IEnumerable<string> Variables(string expression) =>
        VariableReference().Matches(expression).Select(m => m.Groups[1].Value).Distinct();

    public static IEnumerable<string> Parameters(string expression) =>
        ParameterReference().Matches(expression).Select(m => m.Groups[1].Value).Distinct();

    /// <summary>The node's JSON with every variable it uses (transitively) appended, so that searching the text finds
    /// what the expression really contains.</summary>
    public static string Expand(JsonNode? node, TemplateScope scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = new List<string>();
        var pending = new Queue<JsonNode?>([node]);
        while (pending.TryDequeue(out var current))
        {
            var json = Text(current);
            parts.Add(json);
            foreach (var name in Variables(json).Where(seen.Add))
            {
                pending.Enqueue(scope.Variables[name]);
            }
        }
        return string.Join('\n', parts);
    }

    /// <summary>A string value resolved through <c>variables('x')</c> and, for a module, <c>parameters('x')</c> (to what
    /// the parent passes, or with <paramref name="useDefaults"/> the default); the expression itself when it is anything
    /// else.</summary>
    public static JsonNode? Resolve(JsonNode? node, TemplateScope scope, bool useDefaults = true)
    {
        for (var depth = 0; depth < 16 && node is JsonValue value && value.TryGetValue<string>(out var text); depth++)
        {
            var variable = WholeVariable().Match(text);
            var parameter = WholeParameter().Match(text);
            if (variable.Success)
            {
                node = scope.Variables[variable.Groups[1].Value];
            }
            else if (parameter.Success && scope.ParameterValue(parameter.Groups[1].Value) is { } passed && scope.Parent is { } parent)
            {
                node = passed;
                scope = parent;
            }
            else if (parameter.Success && useDefaults && scope.ParameterDefault(parameter.Groups[1].Value) is { } defaultValue)
            {
                node = defaultValue;
            }
            else
            {
                break;
            }
        }
        return node;
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"parameters\('([^']+)'\)")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex WholeVariable();

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex WholeParameter();
}
