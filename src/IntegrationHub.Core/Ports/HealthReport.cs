using System.Text.Json.Serialization;

namespace IntegrationHub.Core.Ports;

/// <summary>The hub's health: <paramref name="Status"/> is <c>healthy</c> or <c>unhealthy</c>.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, string> Checks, long? QueueDepth)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}
