namespace IntegrationHub.Core.Workflows.Replay;

/// <summary>The job's last word: <paramref name="Status"/> is completed, cancelled or failed (with <paramref name="Error"/>),
/// and its totals.</summary>
public sealed record FinishReplayInput(string JobId, string Status, long Found, long Enqueued, string? Error = null);
