using IntegrationHub.Core.Model;

namespace IntegrationHub.Core.Ports;

/// <summary>One page of a timeline; <paramref name="Continuation"/> fetches the next, null on the last.</summary>
public sealed record TimelinePage(IReadOnlyList<Interaction> Items, string? Continuation);
