using System.Text.Json.Nodes;

namespace IntegrationHub.Infra.Tests.Template;

/// <summary>One ARM template in the compiled output: the main template, or a module's nested template together with
/// the deployment resource that passes it parameters.</summary>
public sealed record TemplateScope(JsonObject Template, JsonObject? Deployment, TemplateScope? Parent)
{
    public JsonObject Variables => Template["variables"] as JsonObject ?? [];

    /// <summary>The module (deployment) name, or empty for the main template.</summary>
    public string ModuleName => Deployment?["name"]?.GetValue<string>() ?? "";

    /// <summary>What a <c>parameters('name')</c> in this template receives from its parent, as the parent's JSON.</summary>
    public JsonNode? ParameterValue(string name) => Deployment?["properties"]?["parameters"]?[name]?["value"];

    /// <summary>The default of a parameter declared in this template.</summary>
    public JsonNode? ParameterDefault(string name) => Template["parameters"]?[name]?["defaultValue"];
}
