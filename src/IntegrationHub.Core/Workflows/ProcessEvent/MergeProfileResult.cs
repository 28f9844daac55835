namespace IntegrationHub.Core.Workflows.ProcessEvent;

public sealed record MergeProfileResult(string ProfileId, IReadOnlyList<string> ChangedFields);
