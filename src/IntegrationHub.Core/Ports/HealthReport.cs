using System.Text.Json.Serialization;

namespace IntegrationHub.Core.Ports;

/// <summary>The hub's health: <paramref name="Status"/> is <c>healthy</c> or <c>unhealthy</c>.</summary>
/// <param name="QueueDepth">Messages waiting for the workers.</param>
/// <param name="UnmappedEvents">Events acknowledged but not mapped by their provider's normaliser.</param>
/// <param name="OldestMessageAgeSeconds">How long the oldest waiting message has waited, in seconds (0 when none waits).</param>
/// <param name="DeadLetters">Messages set aside as poison, waiting for an operator.</param>
/// <param name="SharedIdentifiers">Identifiers the identity graph treats as shared and links no one through: found
/// shared by the graph, or past the events-per-identifier cap.</param>
public sealed record HealthReport(
    string Status,
    IReadOnlyDictionary<string, string> Checks,
    long? QueueDepth,
    long? UnmappedEvents = null,
    double? OldestMessageAgeSeconds = null,
    long? DeadLetters = null,
    long? SharedIdentifiers = null)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}
