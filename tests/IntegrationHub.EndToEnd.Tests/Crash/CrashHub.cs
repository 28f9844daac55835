using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure;
using IntegrationHub.Infrastructure.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary><c>hub serve</c> on its own storage prefix of a shared Azurite, which a test may kill and start again on
/// the same port and storage. Its worker is tuned through configuration so a crash test fits a CI budget: a message
/// a killed hub held reappears after 10 s rather than 2 min.</summary>
internal sealed class CrashHub : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly int _port = LoopbackPorts.FindFree(1)[0];
    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _earlierOutput = [];

    private readonly ServiceProvider _storage;

    private CrashHub(string storage, string prefix)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = storage, ["Hub:Storage:Prefix"] = prefix })
            .Build();
        _storage = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddHubStorage()
            .BuildServiceProvider();
        _environment = new Dictionary<string, string>(VendorDelivery.HubConnections)
        {
            ["AzureWebJobsStorage"] = storage,
            ["Hub__Storage__Prefix"] = prefix,
            ["Hub__Worker__VisibilityTimeout"] = "00:00:10",
            ["Hub__Worker__MaxPollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public HubProcess? Process { get; private set; }

    /// <summary>Everything every process of this hub has written, for failure messages.</summary>
    public string Output => string.Join("\n--- restarted ---\n", [.. _earlierOutput, Process?.Output ?? ""]);

    public static async Task<CrashHub> StartAsync(string storage, string prefix)
    {
        var hub = new CrashHub(storage, prefix);
        try
        {
            await hub.StartAgainAsync();
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
        return hub;
    }

    /// <summary>Starts <c>hub serve</c> on the same port and storage.</summary>
    public async Task StartAgainAsync()
    {
        if (Process is { } previous)
        {
            _earlierOutput.Add(previous.Output);
            await previous.DisposeAsync();
        }
        Process = null;
        Process = await HubProcess.StartAsync(_port, _environment, StartTimeout);
    }

    /// <summary>SIGKILL, the hub process alone (Azurite is not its child).</summary>
    public Task KillAsync() => Process!.KillAsync();

    /// <summary>Waits until the queue is empty, nothing in flight included (Azurite's approximate count includes
    /// hidden messages), on several polls in a row; returns the last health report.</summary>
    public async Task<JsonElement> WaitDrainedAsync(TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var emptyInARow = 0;
        while (true)
        {
            using var response = await Client.GetAsync("api/health");
            using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var drained = response.StatusCode == HttpStatusCode.OK
                && health.RootElement.GetProperty("queueDepth").GetInt64() == 0;
            emptyInARow = drained ? emptyInARow + 1 : 0;
            if (emptyInARow == 3)
            {
                return health.RootElement.Clone();
            }
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The queue did not drain within {timeout}; last health: {health.RootElement}\n{Output}");
            }
            await Task.Delay(300);
        }
    }

    /// <summary>Waits until the portal API finds a profile for <paramref name="email"/>.</summary>
    public async Task WaitForProfileAsync(string email, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var response = await Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"No profile within {timeout} (last answer {response.StatusCode}).\n{Output}");
            }
            await Task.Delay(300);
        }
    }

    /// <summary>Reads each person's profile (without its id) and whole timeline through the portal API.</summary>
    public async Task<Dictionary<string, PersonState>> ReadPeopleAsync(IEnumerable<string> emails)
    {
        var people = new System.Collections.Concurrent.ConcurrentDictionary<string, PersonState>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (email, token) =>
        {
            using var response = await Client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}", token);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return;
            }
            response.EnsureSuccessStatusCode();
            var profile = JsonNode.Parse(await response.Content.ReadAsStringAsync(token))!.AsObject();
            var id = profile["id"]!.GetValue<string>();
            profile.Remove("id");
            people[email] = new PersonState(profile, await TimelineAsync(id, token));
        });
        return new Dictionary<string, PersonState>(people, StringComparer.Ordinal);
    }

    /// <summary>Archives a delivery without queueing it, as a hub killed between the two leaves it.</summary>
    public Task ArchiveOnlyAsync(ArchivedDelivery delivery) =>
        _storage.GetRequiredService<IDeliveryArchive>().AddAsync(delivery);

    /// <summary>The deliveries among <paramref name="deliveries"/> that the hub's archive does not hold.</summary>
    public async Task<List<string>> MissingFromArchiveAsync(IEnumerable<(string Connection, string DeliveryId)> deliveries)
    {
        var archive = _storage.GetRequiredService<IDeliveryArchive>();
        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (delivery, token) =>
        {
            if (await archive.GetAsync(delivery.Connection, delivery.DeliveryId, token) is null)
            {
                missing.Add($"{delivery.Connection}/{delivery.DeliveryId}");
            }
        });
        return [.. missing];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _storage.DisposeAsync();
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }
    }

    private async Task<List<string>> TimelineAsync(string profileId, CancellationToken cancellationToken)
    {
        var events = new List<string>();
        string? continuation = null;
        do
        {
            var query = $"api/profiles/{profileId}/timeline?pageSize=200"
                + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            using var page = JsonDocument.Parse(await Client.GetStringAsync(query, cancellationToken));
            events.AddRange(page.RootElement.GetProperty("items").EnumerateArray()
                .Select(item => $"{item.GetProperty("source").GetString()}:{item.GetProperty("eventId").GetString()}"));
            continuation = page.RootElement.TryGetProperty("continuation", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
        }
        while (continuation is not null);
        return events;
    }
}
