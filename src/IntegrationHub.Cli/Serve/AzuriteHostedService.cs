using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.Cli.Serve;

/// <summary>Brings Azurite up before anything touches storage, when storage is development storage and nothing
/// answers on its ports, and stops it again with the hub — but only if this process started it.</summary>
internal sealed class AzuriteHostedService(IConfiguration configuration, ILogger<AzuriteHostedService> logger) : IHostedService
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration["AzureWebJobsStorage"];
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }
        var dataDirectory = configuration["Hub:Azurite:DataDirectory"] ?? DefaultDataDirectory();
        _azurite = await AzuriteLauncher.EnsureStartedAsync(connectionString, dataDirectory, logger, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>In a clone of the repository, <c>.azurite/</c> beside the solution (ignored by git); elsewhere a
    /// folder in the user's local application data.</summary>
    private static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IntegrationHub.sln")))
            {
                return Path.Combine(dir.FullName, ".azurite");
            }
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "IntegrationHub", "azurite");
    }
}
