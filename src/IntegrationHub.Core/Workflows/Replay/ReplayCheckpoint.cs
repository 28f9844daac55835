namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>Where a job stands, as the workflow needs it: its saved cursor and counts, and whether to stop (an operator
/// asked to cancel, or the job is already finished).</summary>
public sealed record ReplayCheckpoint(string? Cursor, long Found, long Enqueued, bool Stop);
