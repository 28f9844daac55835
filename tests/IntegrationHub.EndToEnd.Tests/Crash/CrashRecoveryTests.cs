using System.Net;
using Xunit.Abstractions;
using System.Text.Json.Nodes;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>Nothing lost, nothing doubled: <c>hub serve</c> killed hard mid-stream and started again, and its storage
/// stopped and started under it, while vendors keep sending — then every accepted delivery is in the timeline exactly
/// once and the profiles are those a calm run makes.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    private const int Senders = 8;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Serve_KilledMidStreamAndRestarted_EveryAcceptedDeliveryOnceAndProfilesAsWithoutTheCrash()
    {
        var traffic = VendorTraffic.Generate(people: 300, events: 1_800, seed: 20261123);
        await using var azurite = await OwnedAzurite.StartAsync();
        Log($"Azurite up; {traffic.Deliveries.Count} deliveries to send");

        Dictionary<string, PersonState> calm;
        await using (var reference = await CrashHub.StartAsync(azurite.ConnectionString, Prefix("calm")))
        {
            var vendor = new VendorSender(reference.Client, Senders);
            await vendor.SendAllAsync(traffic.Deliveries, SendTimeout);
            Log("calm run: all sent");
            await reference.WaitDrainedAsync(DrainTimeout);
            Log("calm run: drained");
            calm = await reference.ReadPeopleAsync(traffic.Emails);
            Log("calm run: read back");
        }

        await using var hub = await CrashHub.StartAsync(azurite.ConnectionString, Prefix("crash"));
        Log("crash run: hub up");
        var sender = new VendorSender(hub.Client, Senders);
        var sending = sender.SendAllAsync(traffic.Deliveries, SendTimeout);
        await sender.WaitForAcceptedAsync(traffic.Deliveries.Count * 2 / 5, SendTimeout);
        await hub.KillAsync();
        Log($"crash run: killed after {sender.Accepted} accepted");
        var acceptedBeforeKill = sender.Accepted;
        // A delivery the killed hub archived but never queued, whose vendor gave up rather than send it again.
        var stranded = VendorTraffic.Stranded();
        await hub.ArchiveOnlyAsync(stranded.ToArchived());
        await hub.StartAgainAsync();
        Log("crash run: hub up again");
        await sending;
        Log($"crash run: all sent ({sender.FailedAttempts} attempts unanswered, {sender.ServerErrors} 5xx)");
        await hub.WaitForProfileAsync(stranded.Email, DrainTimeout);
        var health = await hub.WaitDrainedAsync(DrainTimeout);
        Log("crash run: drained");
        var crashed = await hub.ReadPeopleAsync([.. traffic.Emails, stranded.Email]);
        Log("crash run: read back");

        Assert.InRange(acceptedBeforeKill, 1, traffic.Deliveries.Count - 1);
        Assert.Empty(sender.Violations);
        Assert.Equal(0, health.GetProperty("deadLetters").GetInt64());
        Assert.Empty(await hub.MissingFromArchiveAsync(sender.AcceptedIds));
        Assert.Equal([$"{stranded.Connection}:{stranded.EventId}"], crashed[stranded.Email].Timeline);
        crashed.Remove(stranded.Email);
        AssertEveryEventOnce(traffic, crashed, hub.Output);
        AssertSameProfiles(ExpectedProfiles.For(traffic), calm, "Core's merge", "the calm run");
        AssertSameProfiles(calm.ToDictionary(p => p.Key, p => p.Value.Profile), crashed, "the calm run", "the crashed run");
    }

    [Fact]
    public async Task Serve_StorageStoppedAndStartedMidStream_RefusesWhileDownThenProcessesEveryAcceptedDeliveryOnce()
    {
        var traffic = VendorTraffic.Generate(people: 150, events: 1_000, seed: 5);
        await using var azurite = await OwnedAzurite.StartAsync();
        await using var hub = await CrashHub.StartAsync(azurite.ConnectionString, Prefix("outage"));
        Log($"hub up; {traffic.Deliveries.Count} deliveries to send");
        var sender = new VendorSender(hub.Client, Senders);
        var sending = sender.SendAllAsync(traffic.Deliveries, SendTimeout);
        await sender.WaitForAcceptedAsync(traffic.Deliveries.Count * 2 / 5, SendTimeout);

        await azurite.StopAsync();
        Log($"Azurite stopped after {sender.Accepted} accepted");
        using (var refused = await traffic.Deliveries[^1].SendAsync(hub.Client))
        {
            Assert.True(refused.StatusCode >= HttpStatusCode.InternalServerError, $"Storage is down, yet the hub answered {refused.StatusCode}.");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        using (var health = await hub.Client.GetAsync("api/health"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        await azurite.StartAgainAsync();
        Log("Azurite started again");
        await sending;
        Log($"all sent ({sender.FailedAttempts} attempts unanswered, {sender.ServerErrors} 5xx)");
        var drained = await hub.WaitDrainedAsync(DrainTimeout);
        Log("drained");
        var people = await hub.ReadPeopleAsync(traffic.Emails);
        Log("read back");

        Assert.False(hub.Process!.HasExited, "The hub should ride out the outage in the same process.");
        Assert.Empty(sender.Violations);
        Assert.Equal(0, drained.GetProperty("deadLetters").GetInt64());
        Assert.Empty(await hub.MissingFromArchiveAsync(sender.AcceptedIds));
        AssertEveryEventOnce(traffic, people, hub.Output);
        AssertSameProfiles(ExpectedProfiles.For(traffic), people, "Core's merge", "the hub after the outage");
    }

    /// <summary>Each person's timeline holds each of their events exactly once: however often it was delivered, and
    /// whatever the hub was doing when it died.</summary>
    private static void AssertEveryEventOnce(VendorTraffic traffic, Dictionary<string, PersonState> people, string output)
    {
        var expected = traffic.Deliveries
            .GroupBy(d => d.Email)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Connection}:{d.EventId}").Distinct().Order(StringComparer.Ordinal).ToList());
        var wrong = new List<string>();
        foreach (var (email, events) in expected)
        {
            if (!people.TryGetValue(email, out var person))
            {
                wrong.Add($"{email}: no profile");
                continue;
            }
            var actual = person.Timeline.Order(StringComparer.Ordinal).ToList();
            if (!actual.SequenceEqual(events))
            {
                wrong.Add($"{email}: expected [{string.Join(", ", events)}] but the timeline has [{string.Join(", ", actual)}]");
            }
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Count} people are wrong, e.g.\n{string.Join("\n", wrong.Take(5))}\nhub serve said:\n{Tail(output)}");
        Assert.Equal(expected.Values.Sum(e => e.Count), people.Values.Sum(p => p.Timeline.Count));
    }

    private static void AssertSameProfiles(
        Dictionary<string, JsonObject> expected, Dictionary<string, PersonState> actual, string expectedName, string actualName)
    {
        var differ = expected
            .Where(p => !actual.TryGetValue(p.Key, out var person) || !JsonNode.DeepEquals(p.Value, person.Profile))
            .Select(p => $"{p.Key}:\n  {expectedName}: {p.Value.ToJsonString()}\n  {actualName}: {(actual.TryGetValue(p.Key, out var person) ? person.Profile.ToJsonString() : "(none)")}")
            .ToList();
        Assert.True(differ.Count == 0, $"{differ.Count} of {expected.Count} profiles differ, e.g.\n{string.Join("\n", differ.Take(3))}");
        Assert.Equal(expected.Count, actual.Count);
    }

    private void Log(string phase) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {phase}");

    private static string Prefix(string run) => $"{run}{Guid.NewGuid():N}"[..(run.Length + 8)];

    private static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
