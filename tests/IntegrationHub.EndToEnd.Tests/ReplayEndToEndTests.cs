using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>A replay in <c>hub serve</c>: started with <c>hub replay</c>, it re-runs the range's archived deliveries
/// through processing, completes with the right count, and leaves profiles and timelines as one delivery would.</summary>
[Collection(HubCollection.Name)]
public sealed class ReplayEndToEndTests(HubFixture hub)
{
    private static readonly TimeSpan ProcessingTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task HubReplay_RangeOfProcessedDeliveries_CompletesWithTheirCountAndChangesNoProfileOrTimeline()
    {
        // Arrange: four deliveries about two people, processed once.
        var run = Guid.NewGuid().ToString("N");
        var ada = $"ada.{run}@example.com";
        var grace = $"grace.{run}@example.com";
        // Record ids and the phone are this run's own: the identity graph links people by any identifier, so values
        // shared with other tests on the same hub would join their people.
        var at = DateTimeOffset.Parse("2026-11-20T10:00:00Z", CultureInfo.InvariantCulture);
        (string Id, string Body)[] deliveries =
        [
            ($"msg_{run}_1", StandardWebhooksSender.ContactEvent("contact.created", at, $"crm-{run}-1", ada, "Ada", "Lovelace", "")),
            ($"msg_{run}_2", StandardWebhooksSender.ContactEvent("contact.updated", at.AddMinutes(5), $"crm-{run}-1", ada, "Ada", "King", $"(415) 555-{Random.Shared.Next(2000, 9000)}")),
            ($"msg_{run}_3", StandardWebhooksSender.ContactEvent("contact.updated", at.AddMinutes(1), $"crm-{run}-1", ada, "Augusta", "Lovelace", "")),
            ($"msg_{run}_4", StandardWebhooksSender.ContactEvent("contact.created", at, $"crm-{run}-2", grace, "Grace", "Hopper", "")),
        ];
        var from = DateTimeOffset.UtcNow;
        foreach (var (id, body) in deliveries)
        {
            using var accepted = await hub.Sender.PostAsync(HubFixture.Connection, id, body);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }
        var to = DateTimeOffset.UtcNow.AddTicks(1);
        await WaitUntilAsync(() => deliveries.All(d => TimesProcessed(d.Id) >= 1), "the deliveries to be processed");
        var before = await SnapshotAsync(ada, grace);
        Assert.Equal([3, 1], before.Select(p => p.Timeline.GetArrayLength()));

        // Act
        var replay = await HubCli.RunAsync(
            "replay", "--connection", HubFixture.Connection,
            "--from", from.ToString("O", CultureInfo.InvariantCulture), "--to", to.ToString("O", CultureInfo.InvariantCulture),
            "--url", hub.Hub.BaseAddress.ToString());
        await WaitUntilAsync(() => deliveries.All(d => TimesProcessed(d.Id) >= 2), "the replayed deliveries to be processed");

        // Assert: the job completed with exactly the range's deliveries ...
        Assert.True(replay.ExitCode == 0, $"hub replay exited {replay.ExitCode}:\n{replay.Output}");
        Assert.Contains("completed: 4 found, 4 queued", replay.Output, StringComparison.Ordinal);
        var jobId = replay.Output.Split(' ')[1];
        var job = await hub.Client.GetFromJsonAsync<JsonElement>($"api/replays/{jobId}");
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(4, job.GetProperty("found").GetInt64());
        using var list = JsonDocument.Parse(await hub.Client.GetStringAsync("api/replays"));
        Assert.Equal(jobId, list.RootElement.GetProperty("items")[0].GetProperty("id").GetString());

        // ... and processing them again changed nothing a reader sees.
        var after = await SnapshotAsync(ada, grace);
        Assert.Equal(before.Select(p => p.Profile.GetRawText()), after.Select(p => p.Profile.GetRawText()));
        Assert.Equal(before.Select(p => p.Timeline.GetRawText()), after.Select(p => p.Timeline.GetRawText()));
        Assert.Equal("King", after[0].Profile.GetProperty("fields").GetProperty("lastName").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("""{"connection":"e2e","from":"2026-11-21T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"connection":"e2e","from":"whenever","to":"2026-11-20T00:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"connection":"nowhere","from":"2026-11-19T00:00:00Z","to":"2026-11-20T00:00:00Z"}""", HttpStatusCode.NotFound)]
    public async Task PostReplays_BadInput_ProblemAndNoJobRecorded(string body, HttpStatusCode expected)
    {
        var jobsBefore = await JobCountAsync();

        using var response = await hub.Client.PostAsync("api/replays", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jobsBefore, await JobCountAsync());
    }

    private async Task<int> JobCountAsync()
    {
        using var list = JsonDocument.Parse(await hub.Client.GetStringAsync("api/replays?pageSize=200"));
        return list.RootElement.GetProperty("items").GetArrayLength();
    }

    /// <summary>How often the hub has logged processing the delivery.</summary>
    private int TimesProcessed(string deliveryId)
    {
        var output = hub.Hub.Output;
        var marker = $"Delivery {deliveryId} on {HubFixture.Connection}: ";
        var count = 0;
        for (var at = output.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = output.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private async Task<List<(JsonElement Profile, JsonElement Timeline)>> SnapshotAsync(params string[] emails)
    {
        var snapshot = new List<(JsonElement, JsonElement)>();
        foreach (var email in emails)
        {
            var profile = await hub.Client.GetFromJsonAsync<JsonElement>($"api/profiles?email={Uri.EscapeDataString(email)}");
            var timeline = await hub.Client.GetFromJsonAsync<JsonElement>($"api/profiles/{profile.GetProperty("id").GetString()}/timeline");
            snapshot.Add((profile, timeline.GetProperty("items")));
        }
        return snapshot;
    }

    private async Task WaitUntilAsync(Func<bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > ProcessingTimeout)
            {
                Assert.Fail($"Waited {ProcessingTimeout} for {what}. hub serve said:\n{hub.Hub.Output}");
            }
            await Task.Delay(100);
        }
    }
}
