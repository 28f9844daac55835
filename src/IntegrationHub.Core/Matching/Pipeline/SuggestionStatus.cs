namespace IntegrationHub.Core.Matching.Pipeline;

/// <summary>Where a scored pair stands: waiting for review, or decided (by an operator, or linked automatically).</summary>
public static class SuggestionStatus
{
    public const string Pending = "pending";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";

    /// <summary>Scored at or above the threshold and linked without review.</summary>
    public const string Linked = "linked";

    public static bool IsDecided(string status) => status != Pending;
}
