namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>A page is done: the totals so far, and the cursor of the next page.</summary>
public sealed record ReplayProgressInput(string JobId, long Found, long Enqueued, string Cursor);
