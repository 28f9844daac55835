using System.Text.Json.Nodes;
using IntegrationHub.Infra.Tests.Bicep;

namespace IntegrationHub.Infra.Tests;

/// <summary>Files of the repository the tests read, by path from its root.</summary>
public static class RepositoryFiles
{
    public static string ReadText(params string[] path) => File.ReadAllText(BuildMetadata.InRepository(path));

    public static JsonObject ReadJson(params string[] path) =>
        JsonNode.Parse(ReadText(path), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
}
