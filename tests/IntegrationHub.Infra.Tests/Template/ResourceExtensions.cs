using System.Text.Json.Nodes;

namespace IntegrationHub.Infra.Tests.Template;

public static class ResourceExtensions
{
    /// <summary>The value at a dotted path under the resource (for example <c>properties.siteConfig.minTlsVersion</c>),
    /// followed through variables and module parameters to a literal where it can be.</summary>
    public static JsonNode? At(this TemplateResource resource, string path)
    {
        JsonNode? node = resource.Node;
        foreach (var part in path.Split('.'))
        {
            node = ArmExpression.Resolve(node, resource.Scope) is JsonObject parent ? parent[part] : null;
        }
        return ArmExpression.Resolve(node, resource.Scope);
    }

    public static T? Literal<T>(this TemplateResource resource, string path) =>
        resource.At(path) is JsonValue value && value.TryGetValue<T>(out var literal) ? literal : default;

    /// <summary>The text of the value at a path, expressions and all.</summary>
    public static string Text(this TemplateResource resource, string path) => ArmExpression.Text(resource.At(path));
}
