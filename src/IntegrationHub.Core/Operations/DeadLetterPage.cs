namespace IntegrationHub.Core.Operations;

/// <summary>One page of dead letters; <paramref name="Continuation"/> fetches the next, null on the last.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? Continuation);
