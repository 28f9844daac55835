using System.Text.Json.Nodes;

namespace IntegrationHub.Infra.Tests.Template;

/// <summary>The ARM JSON <c>bicep build</c> wrote for infra/main.bicep, with its modules' nested templates.</summary>
public sealed class CompiledTemplate
{
    public CompiledTemplate(string json)
    {
        Json = json;
        Root = new TemplateScope(JsonNode.Parse(json)!.AsObject(), null, null);
        Resources = [.. Walk(Root)];
    }

    public string Json { get; }

    public TemplateScope Root { get; }

    /// <summary>Every resource, in the main template and in every module, nested deployments included.</summary>
    public IReadOnlyList<TemplateResource> Resources { get; }

    public IEnumerable<TemplateResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public TemplateResource One(string type)
    {
        var matches = OfType(type).ToList();
        return matches.Count == 1 ? matches[0] : throw new InvalidOperationException($"Expected one {type}, found {matches.Count}.");
    }

    public CompiledTemplate With(Action<JsonObject> change)
    {
        var copy = JsonNode.Parse(Json)!.AsObject();
        change(copy);
        return new CompiledTemplate(ArmExpression.Text(copy));
    }

    private static IEnumerable<TemplateResource> Walk(TemplateScope scope)
    {
        // languageVersion 2.0 (user-defined types) keys resources by symbolic name; 1.0 lists them.
        var resources = scope.Template["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject named => named.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var item = new TemplateResource(resource, scope);
            yield return item;
            if (item.Type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(new TemplateScope(nested, resource, scope)))
                {
                    yield return inner;
                }
            }
        }
    }
}
