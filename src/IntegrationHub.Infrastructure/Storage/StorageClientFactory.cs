using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>Builds the three service clients from a connection string or, without one, from the account name and
/// DefaultAzureCredential. Against Azurite the Blob and Queue clients are pinned to the newest service version it
/// knows, so an Azurite started without <c>--skipApiVersionCheck</c> works too.</summary>
internal sealed class StorageClientFactory(StorageOptions options)
{
    private readonly Lazy<TokenCredential> _credential = new(() => new DefaultAzureCredential(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = options.ManagedIdentityClientId,
    }));

    private bool IsConnectionString => !string.IsNullOrWhiteSpace(options.ConnectionString);

    private bool IsAzurite => DevelopmentStorage.TryParse(options.ConnectionString, out _);

    public TableServiceClient CreateTableService() => IsConnectionString
        ? new TableServiceClient(options.ConnectionString)
        : new TableServiceClient(Endpoint("table"), _credential.Value);

    public BlobServiceClient CreateBlobService()
    {
        var clientOptions = IsAzurite
            ? new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05)
            : new BlobClientOptions();
        return IsConnectionString
            ? new BlobServiceClient(options.ConnectionString, clientOptions)
            : new BlobServiceClient(Endpoint("blob"), _credential.Value, clientOptions);
    }

    public QueueServiceClient CreateQueueService()
    {
        var clientOptions = IsAzurite
            ? new QueueClientOptions(QueueClientOptions.ServiceVersion.V2025_11_05)
            : new QueueClientOptions();
        return IsConnectionString
            ? new QueueServiceClient(options.ConnectionString, clientOptions)
            : new QueueServiceClient(Endpoint("queue"), _credential.Value, clientOptions);
    }

    private Uri Endpoint(string service) => new($"https://{options.AccountName}.{service}.core.windows.net");
}
