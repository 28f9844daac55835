namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Where the hub keeps its tables, blobs and queues: section <c>Hub:Storage</c>, plus the account from
/// <c>AzureWebJobsStorage</c> — the setting the Functions host itself uses, so both hosts share one account.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Hub:Storage";

    /// <summary>The configuration key of the storage connection.</summary>
    public const string ConnectionKey = "AzureWebJobsStorage";

    /// <summary>Lowercase letters and digits, starting with a letter (or empty), prepended to every table, container
    /// and queue name so that several hubs or test runs can share one account without seeing each other.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>A storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite); read from
    /// <c>AzureWebJobsStorage</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account for identity-based connections (DefaultAzureCredential); read from
    /// <c>AzureWebJobsStorage:accountName</c> and used only when no connection string is set.</summary>
    public string? AccountName { get; set; }

    /// <summary>The client id of a user-assigned managed identity; read from <c>AzureWebJobsStorage:clientId</c>.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>How long the health check waits for storage before reporting it unhealthy.</summary>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
