using System.Globalization;
using System.Net;

namespace IntegrationHub.Cli.Bench;

/// <summary>One open-loop run against a running hub: sends signed deliveries at a fixed rate, round-robin over the
/// connections, about <see cref="IngestPlan.People"/> people, and for a sample of them (each about a person of its own)
/// polls <c>GET /api/profiles?email=</c> until the profile is readable (<see cref="PollInterval"/>).</summary>
internal sealed class IngestRun(HttpClient hub, IReadOnlyList<BenchConnection> connections, IngestPlan plan, TimeProvider time)
{
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long to wait before asking again, <paramref name="waited"/> after the delivery was due: every 50 ms
    /// at first, then a tenth of the time waited so far, so a freshness is measured to within about 10% while a hub
    /// that has fallen behind is not also loaded with hundreds of polls a second by the load generator itself (each
    /// poll is two storage reads, in competition with the work being measured).</summary>
    internal static TimeSpan PollInterval(TimeSpan waited) =>
        waited / 10 > MinPollInterval ? waited / 10 : MinPollInterval;

    public async Task<IngestResult> RunAsync(double rate, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var schedule = new OpenLoopSchedule(rate, duration);
        var recorder = new IngestRecorder();
        var start = time.GetTimestamp();
        await new OpenLoopRunner(time).RunAsync(
            schedule, (index, due) => SendAsync(run, index, due, recorder, cancellationToken), cancellationToken);
        return recorder.Result(rate, start, duration, time);
    }

    private async Task SendAsync(string run, long index, long due, IngestRecorder recorder, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var connection = connections[(int)(index % connections.Count)];
        var sampled = plan.IsSampled(index);
        var person = sampled
            ? BenchPerson.For(run, "f" + index.ToString(CultureInfo.InvariantCulture), index)
            : BenchPerson.For(run, plan.PersonOf(index).ToString(CultureInfo.InvariantCulture), plan.PersonOf(index));
        var deliveryId = $"bench_{run}_{index}";
        recorder.Sent();
        try
        {
            using var request = BenchDeliveries.Create(connection, deliveryId, person, time.GetUtcNow());
            using var response = await hub.SendAsync(request, cancellationToken);
            var answeredAt = time.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                recorder.Failed(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), answeredAt);
                return;
            }
            recorder.Accepted(time.GetElapsedTime(due, answeredAt).TotalMilliseconds, answeredAt);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            recorder.Failed(failure is TaskCanceledException ? "timeout" : failure.GetType().Name, time.GetTimestamp());
            return;
        }
        if (sampled)
        {
            await WaitUntilReadableAsync(person, due, recorder, cancellationToken);
        }
    }

    private async Task WaitUntilReadableAsync(BenchPerson person, long due, IngestRecorder recorder, CancellationToken cancellationToken)
    {
        var path = $"api/profiles?email={Uri.EscapeDataString(person.Email)}";
        while (time.GetElapsedTime(due) < plan.FreshnessTimeout && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await hub.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    recorder.Fresh(time.GetElapsedTime(due).TotalMilliseconds);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Counted as a timeout if it never answers.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The same.
            }
            try
            {
                await Task.Delay(PollInterval(time.GetElapsedTime(due)), time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        recorder.FreshnessTimedOut();
    }
}
