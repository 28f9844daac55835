using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IntegrationHub.Core.Model;

namespace IntegrationHub.EndToEnd.Tests;

/// <summary>What the hub cannot process is dead-lettered, listed for operators (API and <c>hub deadletters</c>) and
/// replayable.</summary>
[Collection(HubCollection.Name)]
public sealed class DeadLetterEndToEndTests(HubFixture hub)
{
    [Fact]
    public async Task DeadLetters_MessageNamingNoArchivedDelivery_ListedThenReplayed()
    {
        var deliveryId = $"missing-{Guid.NewGuid():N}";
        await hub.Queue.EnqueueAsync(new DeliveryMessage(HubFixture.Connection, deliveryId));

        var letter = await WaitForDeadLetterAsync(deliveryId);
        Assert.Equal("DeliveryNotFoundException", letter.GetProperty("reason").GetString());
        var id = letter.GetProperty("id").GetString()!;

        var listed = await HubCli.RunAsync("deadletters", "list", "--url", hub.Hub.BaseAddress.ToString());
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(id, listed.Output, StringComparison.Ordinal);

        using var replay = await hub.Client.PostAsync($"api/deadletters/{id}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        using var gone = await hub.Client.PostAsync($"api/deadletters/{id}/replay", null);
        Assert.True(gone.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Accepted, "a replay removes the dead letter until it fails again");

        // Still unprocessable: the replay is dead-lettered again, under the same id, later.
        var again = await WaitForDeadLetterAsync(deliveryId, after: letter.GetProperty("deadLetteredAt").GetDateTimeOffset());
        Assert.Equal(id, again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReplayDeadLetter_UnknownId_404Problem()
    {
        using var response = await hub.Client.PostAsync("api/deadletters/0123456789abcdef0123456789abcdef/replay", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HubDeadlettersReplay_UnknownId_Exits1()
    {
        var result = await HubCli.RunAsync("deadletters", "replay", "0123456789abcdef0123456789abcdef", "--url", hub.Hub.BaseAddress.ToString());

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No dead letter", result.Output, StringComparison.Ordinal);
    }

    private async Task<JsonElement> WaitForDeadLetterAsync(string deliveryId, DateTimeOffset? after = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var page = JsonDocument.Parse(await hub.Client.GetStringAsync("api/deadletters?pageSize=200"));
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("deliveryId").GetString() == deliveryId
                    && (after is null || item.GetProperty("deadLetteredAt").GetDateTimeOffset() > after))
                {
                    return item.Clone();
                }
            }
            await Task.Delay(200);
        }
        Assert.Fail($"No dead letter for {deliveryId} within 30 s. hub serve said:\n{hub.Hub.Output}");
        return default;
    }
}
