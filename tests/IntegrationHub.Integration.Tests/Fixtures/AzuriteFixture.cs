using IntegrationHub.Infrastructure.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Integration.Tests.Fixtures;

/// <summary>One Azurite for the whole assembly, started through the launcher on free loopback ports with a temp data
/// folder, so it never meets a developer's Azurite or another test assembly's; stopped and deleted afterwards.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const int StartAttempts = 3;
    private AzuriteProcess? _azurite;

    public string ConnectionString { get; private set; } = "";

    public AzuriteEndpoints Endpoints { get; private set; } = AzuriteEndpoints.Default;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "integrationhub-it-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = LoopbackPorts.FindFree(3);
            ConnectionString = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]);
            try
            {
                _azurite = await AzuriteLauncher.EnsureStartedAsync(ConnectionString, DataDirectory, NullLogger.Instance);
                break;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
                // Another process took one of the ports between finding and binding it: try others.
            }
        }
        if (!_azurite.OwnsProcess)
        {
            throw new InvalidOperationException("The fixture expected to start its own Azurite.");
        }
        Endpoints = _azurite.Endpoints!;
    }

    /// <summary>A host wired as the hubs wire storage, with a prefix no other test uses.</summary>
    public Task<StorageHost> StartStorageAsync(IDictionary<string, string?>? settings = null) =>
        StorageHost.StartAsync(ConnectionString, StorageHost.UniquePrefix(), settings);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
