using System.Text.Json.Nodes;

namespace IntegrationHub.Infra.Tests.Template;

/// <summary>A resource in the compiled template and the template it is declared in.</summary>
public sealed record TemplateResource(JsonObject Node, TemplateScope Scope)
{
    public string Type => Node["type"]!.GetValue<string>();

    public JsonNode? Properties => Node["properties"];

    public override string ToString() => $"{Type} in module '{Scope.ModuleName}'";
}
