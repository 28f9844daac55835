using System.Text.Json.Nodes;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>A person as the portal API shows them after a run.</summary>
/// <param name="Profile">The profile view without its id.</param>
/// <param name="Timeline">Each timeline entry as <c>source:eventId</c>, newest first, duplicates kept.</param>
internal sealed record PersonState(JsonObject Profile, IReadOnlyList<string> Timeline);
