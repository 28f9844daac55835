using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary><c>hub serve</c> on development storage brings Azurite up by itself when nothing answers on its ports,
/// stops it again on shutdown, and says clearly when Node.js is missing or a connection is misconfigured.</summary>
public sealed class HubServeStartupTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hub-serve-").FullName;

    [Fact]
    public async Task Serve_NothingOnStoragePorts_StartsAzuriteItselfAndStopsItOnShutdown()
    {
        var ports = LoopbackPorts.FindFree(4);
        await using var hub = await HubProcess.StartAsync(ports[3], Environment(ports), TimeSpan.FromSeconds(120));
        Assert.True(await LoopbackPorts.AnswersAsync("127.0.0.1", ports[2], TimeSpan.FromSeconds(2)), "Azurite's table port should answer while the hub runs.");

        await hub.StopAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, hub.ExitCode);
        Assert.True(await ClosesAsync(ports[2]), $"Azurite should stop with the hub that started it:\n{hub.Output}");
        Assert.True(Directory.EnumerateFileSystemEntries(_dataDirectory).Any(), "Azurite should keep its data in Hub:Azurite:DataDirectory.");
    }

    [Fact]
    public async Task Serve_NodeMissingFromPath_ExitsWithAClearMessage()
    {
        var ports = LoopbackPorts.FindFree(4);
        var environment = new Dictionary<string, string>(Environment(ports)) { ["PATH"] = _dataDirectory };
        await using var hub = HubProcess.Launch(ports[3], environment);

        await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, hub.ExitCode);
        Assert.Contains("Azurite needs Node.js 18+ and npm on PATH", hub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MisconfiguredConnections_ExitsNamingEachProblem()
    {
        var ports = LoopbackPorts.FindFree(4);
        var environment = new Dictionary<string, string>(Environment(ports))
        {
            ["Hub__Connections__leads__Provider"] = "meta",
            ["Hub__Connections__leads__Secrets__0"] = "meta-app-secret",
            ["Hub__Connections__mkto__Provider"] = "marketo",
            ["Hub__Connections__mkto__Secrets__0"] = "marketo-shared-secret",
        };
        await using var hub = HubProcess.Launch(ports[3], environment);

        await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, hub.ExitCode);
        Assert.Contains("Hub:Connections:leads: Settings:VerifyToken must be set", hub.Output, StringComparison.Ordinal);
        Assert.Contains("Hub:Connections:mkto: Set exactly one of Settings:TokenHeader and Settings:QueryToken", hub.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }

    private Dictionary<string, string> Environment(IReadOnlyList<int> ports) => new()
    {
        ["AzureWebJobsStorage"] = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]),
        ["Hub__Azurite__DataDirectory"] = _dataDirectory,
    };

    /// <summary>Polls briefly, since a port closes a moment after its process exits.</summary>
    private static async Task<bool> ClosesAsync(int port)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (!await LoopbackPorts.AnswersAsync("127.0.0.1", port, TimeSpan.FromMilliseconds(500)))
            {
                return true;
            }
            await Task.Delay(250);
        }
        return false;
    }
}
