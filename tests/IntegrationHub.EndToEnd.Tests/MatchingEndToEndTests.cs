using System.Globalization;
using System.Net;
using System.Text.Json;
using IntegrationHub.Infrastructure.Azurite;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>Probabilistic matching through <c>hub serve</c>: a model learned by <c>hub match --save-model</c> from the
/// FEBRL fixture; two deliveries about one person with no identifier in common become a suggestion, and accepting it
/// over HTTP leaves one profile. Its own hub, so its matches cannot touch the shared hub's tests.</summary>
public sealed class MatchingEndToEndTests : IDisposable
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-matching-").FullName;

    [Fact]
    public async Task Deliveries_SamePersonWithoutASharedIdentifier_SuggestedThenAcceptedIntoOneProfile()
    {
        // Arrange: learn the model, start a hub that suggests everything in the review band (threshold 1: no auto-link).
        var model = Path.Combine(_folder, "model.json");
        var learn = await HubCli.RunAsync(
            "match", "--input", Path.Combine(AppContext.BaseDirectory, "Fixtures", "linkage", "febrl", "dataset1.csv"),
            "--output", Path.Combine(_folder, "clusters.csv"), "--save-model", model);
        Assert.True(learn.ExitCode == 0, learn.Output);
        var ports = LoopbackPorts.FindFree(4);
        await using var hub = await HubProcess.StartAsync(ports[3], new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = DevelopmentStorage.ConnectionString(ports[0], ports[1], ports[2]),
            ["Hub__Azurite__DataDirectory"] = Path.Combine(_folder, "azurite"),
            ["Hub__Connections__crm__Provider"] = "standard-webhooks",
            ["Hub__Connections__crm__Secrets__0"] = Secret,
            ["Hub__Worker__MaxPollInterval"] = "00:00:00.200",
            ["Hub__Matching__ModelPath"] = model,
            ["Hub__Matching__Threshold"] = "1",
        }, TimeSpan.FromSeconds(120));
        using var client = new HttpClient { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var health = JsonDocument.Parse(await client.GetStringAsync("api/health"));
        Assert.Equal("on", health.RootElement.GetProperty("checks").GetProperty("matching").GetString());
        var sender = new StandardWebhooksSender(client, Secret);
        var run = Guid.NewGuid().ToString("N")[..8];
        var (first, last) = (Letters(run, "Ada"), Letters(run, "Lovelace"));

        // Act: the same person from two records with different emails and a differently written date of birth.
        var shop = await DeliverAsync(sender, client, $"s-{run}", $"ada.{run}@shop.example", first, last, "1815-12-10");
        var crm = await DeliverAsync(sender, client, $"c-{run}", $"al.{run}@crm.example", first, last, "10/12/1815");

        // Assert: not merged, but suggested with each field's contribution; accepting it makes one profile.
        Assert.NotEqual(shop, crm);
        var suggestion = await WaitForSuggestionAsync(client);
        Assert.Equal("pending", suggestion.GetProperty("status").GetString());
        Assert.Equal(
            new[] { shop, crm }.Order(StringComparer.Ordinal),
            [suggestion.GetProperty("profileA").GetString()!, suggestion.GetProperty("profileB").GetString()!]);
        Assert.Contains(
            suggestion.GetProperty("explanation").GetProperty("fields").EnumerateArray(),
            f => f.GetProperty("field").GetString() == "date_of_birth" && f.GetProperty("level").GetString() == "exact");
        var id = suggestion.GetProperty("id").GetString()!;

        using var accepted = await client.PostAsync($"api/suggestions/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var decision = JsonDocument.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(shop, decision.RootElement.GetProperty("profileId").GetString());

        using var profile = JsonDocument.Parse(await client.GetStringAsync($"api/profiles/{crm}"));
        Assert.Equal(shop, profile.RootElement.GetProperty("id").GetString());
        Assert.Equal(
            [$"crm:c-{run}", $"crm:s-{run}"],
            profile.RootElement.GetProperty("externalIds").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        using var identity = JsonDocument.Parse(await client.GetStringAsync($"api/profiles/{shop}/identity"));
        Assert.Contains(identity.RootElement.GetProperty("links").EnumerateArray(), l => l.GetProperty("event").GetProperty("eventId").GetString() == id);
        using var again = await client.PostAsync($"api/suggestions/{id}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still be releasing its files; the OS cleans temp folders.
        }
    }

    /// <summary>A name unique to the run (names are letters only once normalised, so the run's hex digits become letters).</summary>
    private static string Letters(string run, string name) => name + string.Concat(run.Select(c => (char)('a' + (c % 26)))).ToLowerInvariant();

    private static async Task<string> DeliverAsync(
        StandardWebhooksSender sender, HttpClient client, string recordId, string email, string first, string last, string dateOfBirth)
    {
        var body = JsonSerializer.Serialize(new
        {
            type = "contact.updated",
            timestamp = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            data = new { id = recordId, email, first_name = first, last_name = last, date_of_birth = dateOfBirth, city = "Bittern", postal_code = "4814" },
        });
        using var response = await sender.PostAsync("crm", $"msg_{recordId}", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var found = await client.GetAsync($"api/profiles?email={Uri.EscapeDataString(email)}");
            if (found.IsSuccessStatusCode)
            {
                using var profile = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
                return profile.RootElement.GetProperty("id").GetString()!;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No profile for {recordId} within {Timeout}.");
    }

    private static async Task<JsonElement> WaitForSuggestionAsync(HttpClient client)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var page = JsonDocument.Parse(await client.GetStringAsync("api/suggestions"));
            if (page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } item)
            {
                return item.Clone();
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No suggestion within {Timeout}.");
    }
}
