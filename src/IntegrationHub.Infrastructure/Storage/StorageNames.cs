namespace IntegrationHub.Infrastructure.Storage;

/// <summary>The hub's storage resources, before <see cref="StorageOptions.Prefix"/> is applied.</summary>
public static class StorageNames
{
    public const string DeliveriesTable = "deliveries";
    public const string ProfilesTable = "profiles";
    public const string IdentitiesTable = "identities";
    public const string TimelineTable = "timeline";
    public const string UnmappedTable = "unmapped";
    public const string DeadLettersTable = "deadletters";
    public const string ReplaysTable = "replays";
    public const string MatchBlocksTable = "matchblocks";
    public const string SuggestionsTable = "suggestions";
    public const string DeliveriesContainer = "deliveries";
    public const string DeliveryQueue = "deliveries";
    public const string PoisonQueue = "deliveries-poison";
    public const string ProfileChangedQueue = "profile-changed";
}
