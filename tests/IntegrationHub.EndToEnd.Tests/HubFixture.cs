using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure;
using IntegrationHub.Infrastructure.Azurite;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>One Azurite on free ports and one <c>hub serve</c> against it, shared by the end-to-end tests.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const string Connection = "e2e";
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string ShopifySecret = "shpss_e2e_secret";
    public const string MetaVerifyToken = "e2e-verify-token";
    public const string MailchimpToken = "e2e-list-token";
    public const string SlackSigningSecret = "8f742231b10e8888abcd99e2e5slack0";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hub-e2e-").FullName;
    private AzuriteProcess? _azurite;
    private ServiceProvider? _storage;

    public HubProcess Hub { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public StandardWebhooksSender Sender { get; private set; } = null!;

    /// <summary>The Azurite the hub runs on, for tools that reach storage themselves (the benchmark's raw baseline).</summary>
    public string StorageConnectionString { get; private set; } = null!;

    /// <summary>The hub's delivery archive, read directly to prove what was (not) written.</summary>
    public IDeliveryArchive Archive => _storage!.GetRequiredService<IDeliveryArchive>();

    /// <summary>The hub's storage account, for staging raw queue messages no client of the hub would send.</summary>
    public StorageResources Resources => _storage!.GetRequiredService<StorageResources>();

    /// <summary>The hub's delivery queue, written directly to stage what a webhook cannot (a message naming no delivery).</summary>
    public IDeliveryQueue Queue => _storage!.GetRequiredService<IDeliveryQueue>();

    /// <summary>The hub's storage account, read directly as a downstream consumer reads the <c>profile-changed</c> queue.</summary>
    public StorageResources Storage => _storage!.GetRequiredService<StorageResources>();

    public async Task InitializeAsync()
    {
        var ports = LoopbackPorts.FindFree(4);
        var storage = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]);
        StorageConnectionString = storage;
        _azurite = await AzuriteLauncher.EnsureStartedAsync(
            storage, Path.Combine(_dataDirectory, "azurite"), NullLogger.Instance, CancellationToken.None);

        Hub = await HubProcess.StartAsync(ports[3], new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            [$"Hub__Connections__{Connection}__Provider"] = "standard-webhooks",
            [$"Hub__Connections__{Connection}__Secrets__0"] = "whsec_cm90YXRlZC1vdXQtc2VjcmV0LWZvci10ZXN0cw==",
            [$"Hub__Connections__{Connection}__Secrets__1"] = Secret,
            ["Hub__MaxBodyBytes"] = "65536",
            ["Hub__Connections__shop__Provider"] = "shopify",
            ["Hub__Connections__shop__Secrets__0"] = ShopifySecret,
            ["Hub__Connections__leads__Provider"] = "meta",
            ["Hub__Connections__leads__Secrets__0"] = "meta-app-secret",
            ["Hub__Connections__leads__Settings__VerifyToken"] = MetaVerifyToken,
            ["Hub__Connections__list__Provider"] = "mailchimp",
            ["Hub__Connections__list__Secrets__0"] = MailchimpToken,
            ["Hub__Connections__workspace__Provider"] = "slack",
            ["Hub__Connections__workspace__Secrets__0"] = SlackSigningSecret,
            ["Hub__Worker__MaxPollInterval"] = "00:00:00.200",
        }, TimeSpan.FromSeconds(90));
        Client = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Sender = new StandardWebhooksSender(Client, Secret);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage })
            .Build();
        _storage = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddHubStorage()
            .AddStorageQueueTransport()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
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
}
