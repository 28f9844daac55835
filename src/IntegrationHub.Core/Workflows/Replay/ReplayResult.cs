namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>How a replay ended and what it queued.</summary>
public sealed record ReplayResult(string JobId, string Status, long Found, long Enqueued);
