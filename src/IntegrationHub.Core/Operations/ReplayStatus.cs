namespace IntegrationHub.Core.Operations;

/// <summary>Where a replay job stands. <c>pending</c> → <c>running</c> → <c>completed</c>; <c>cancelling</c> once an
/// operator asks, then <c>cancelled</c> when the workflow next looks; <c>failed</c> when a step failed for good.</summary>
public static class ReplayStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Cancelling = "cancelling";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    public static bool IsFinished(string status) => status is Completed or Cancelled or Failed;
}
