using IntegrationHub.Infrastructure.Azurite;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>An Azurite this test starts itself, on free loopback ports and a data folder of its own, so it outlives any
/// <c>hub serve</c> killed against it (the hub finds it running and does not own it) and can be stopped and started
/// again on the same ports and data, as a storage outage.</summary>
internal sealed class OwnedAzurite : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hub-crash-").FullName;
    private readonly IReadOnlyList<int> _ports = LoopbackPorts.FindFree(3);
    private AzuriteProcess? _process;

    public string ConnectionString => DevelopmentStorage.ConnectionString(_ports[0], _ports[1], _ports[2]);

    public static async Task<OwnedAzurite> StartAsync()
    {
        var azurite = new OwnedAzurite();
        try
        {
            await azurite.StartAgainAsync();
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
        return azurite;
    }

    /// <summary>Starts Azurite on the same ports and data folder.</summary>
    public async Task StartAgainAsync()
    {
        _process = await AzuriteLauncher.EnsureStartedAsync(ConnectionString, Path.Combine(_dataDirectory, "azurite"), NullLogger.Instance);
        if (!_process.OwnsProcess)
        {
            throw new InvalidOperationException("Something else answers on this test's Azurite ports.");
        }
    }

    /// <summary>Stops Azurite as <c>hub serve</c> stops the Azurite it started (SIGTERM, waiting until it has written
    /// its data out and exited), then checks its ports are closed.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        await _process.DisposeAsync();
        _process = null;
        if (await AnyPortAnswersAsync())
        {
            throw new InvalidOperationException("Azurite's ports still answer after it stopped.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still be releasing its files; the OS cleans temp folders.
        }
    }

    private async Task<bool> AnyPortAnswersAsync()
    {
        foreach (var port in _ports)
        {
            if (await LoopbackPorts.AnswersAsync("127.0.0.1", port, TimeSpan.FromMilliseconds(500)))
            {
                return true;
            }
        }
        return false;
    }
}
