using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure.Storage;

/// <summary>The hub's storage account: the service clients, and its tables, container and queues by their
/// unprefixed names (<see cref="StorageNames"/>), each created if missing the first time this process asks for it.</summary>
public sealed class StorageResources
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _created = new(StringComparer.Ordinal);
    private readonly string _prefix;

    public StorageResources(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        var factory = new StorageClientFactory(settings);
        _prefix = settings.Prefix ?? "";
        Tables = factory.CreateTableService();
        Blobs = factory.CreateBlobService();
        Queues = factory.CreateQueueService();
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>The name a resource has in the account, with the configured prefix.</summary>
    public string NameOf(string name) => _prefix + name;

    public async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken = default)
    {
        var table = Tables.GetTableClient(NameOf(name));
        await EnsureCreatedAsync("table:" + name, async () => await table.CreateIfNotExistsAsync(), cancellationToken);
        return table;
    }

    public async Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken = default)
    {
        var container = Blobs.GetBlobContainerClient(NameOf(name));
        await EnsureCreatedAsync("container:" + name, async () => await container.CreateIfNotExistsAsync(), cancellationToken);
        return container;
    }

    public async Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default)
    {
        var queue = Queues.GetQueueClient(NameOf(name));
        await EnsureCreatedAsync("queue:" + name, async () => await queue.CreateIfNotExistsAsync(), cancellationToken);
        return queue;
    }

    /// <summary>Creates once per process; a failed attempt is forgotten so the next caller tries again. Creation is
    /// not tied to any one caller's cancellation, so a cancelled request cannot fail the others waiting on it.</summary>
    private async Task EnsureCreatedAsync(string key, Func<Task> create, CancellationToken cancellationToken)
    {
        var creation = _created.GetOrAdd(key, _ => new Lazy<Task>(create));
        try
        {
            await creation.Value.WaitAsync(cancellationToken);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            _created.TryRemove(KeyValuePair.Create(key, creation));
            throw;
        }
    }
}
