namespace IntegrationHub.Core.Operations;

/// <summary>One page of replay jobs, newest first; <paramref name="Continuation"/> fetches the next, null on the last.</summary>
public sealed record ReplayJobPage(IReadOnlyList<ReplayJob> Items, string? Continuation);
