namespace IntegrationHub.Infrastructure.Azurite;

/// <summary>Where a development-storage connection expects Azurite's three services.</summary>
public sealed record AzuriteEndpoints(string Host, int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>The ports <c>UseDevelopmentStorage=true</c> means.</summary>
    public static AzuriteEndpoints Default { get; } = new("127.0.0.1", 10000, 10001, 10002);

    public IReadOnlyList<int> Ports => [BlobPort, QueuePort, TablePort];
}
