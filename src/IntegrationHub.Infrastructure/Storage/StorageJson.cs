using System.Text.Json;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>The one JSON shape for everything the hub stores as text: web defaults (camelCase).</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
