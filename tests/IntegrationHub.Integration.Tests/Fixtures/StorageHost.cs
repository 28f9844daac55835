using IntegrationHub.Infrastructure;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Integration.Tests.Fixtures;

/// <summary>A started host with the hub's storage registered exactly as the hubs register it.</summary>
public sealed class StorageHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StorageHost(IHost host, string prefix)
    {
        _host = host;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public IServiceProvider Services => _host.Services;

    public StorageResources Resources => Get<StorageResources>();

    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<StorageHost> StartAsync(string? connectionString, string prefix, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var configuration = new Dictionary<string, string?>
        {
            [StorageOptions.ConnectionKey] = connectionString,
            [$"{StorageOptions.SectionName}:Prefix"] = prefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.Services.AddHubStorage().AddStorageQueueTransport();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new StorageHost(host, prefix);
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
