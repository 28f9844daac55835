namespace IntegrationHub.Core.Workflows.ProcessEvent;

/// <summary>A profile whose matching fields changed, to be compared with its candidates.</summary>
public sealed record MatchProfileInput(string ProfileId);
