using System.Collections.Concurrent;
using IntegrationHub.Cli.Bench;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Cli.Tests.Bench;

public sealed class OpenLoopRunnerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RunAsync_ClockRunsThrough_EverySendCarriesItsScheduledTime()
    {
        var schedule = new OpenLoopSchedule(50, TimeSpan.FromSeconds(2));
        var sends = new ConcurrentDictionary<long, long>();
        var start = _time.GetTimestamp();

        var run = new OpenLoopRunner(_time).RunAsync(schedule, (index, due) =>
        {
            Assert.True(sends.TryAdd(index, due));
            return Task.CompletedTask;
        });
        _time.Advance(TimeSpan.FromSeconds(2));
        await run;

        Assert.Equal(100, sends.Count);
        for (long i = 0; i < schedule.Count; i++)
        {
            Assert.Equal(schedule.DueAt(i), _time.GetElapsedTime(start, sends[i]));
        }
    }

    [Fact]
    public async Task RunAsync_SenderStalled_OverdueSendsKeepTheirDueTimesSoTheWaitCounts()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(1));
        var lateness = new ConcurrentDictionary<long, TimeSpan>();

        var run = new OpenLoopRunner(_time).RunAsync(schedule, (index, due) =>
        {
            lateness[index] = _time.GetElapsedTime(due);
            return Task.CompletedTask;
        });
        // Nothing runs for a whole second: every delivery after the first is late by what it waited.
        _time.Advance(TimeSpan.FromSeconds(1));
        await run;

        Assert.Equal(TimeSpan.Zero, lateness[0]);
        for (long i = 1; i < schedule.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(1) - schedule.DueAt(i), lateness[i]);
        }
    }

    [Fact]
    public async Task RunAsync_SlowSends_DoNotHoldBackLaterOnes()
    {
        var schedule = new OpenLoopSchedule(10, TimeSpan.FromSeconds(1));
        var never = new TaskCompletionSource();
        var allStarted = new TaskCompletionSource();
        var started = 0;

        var run = new OpenLoopRunner(_time).RunAsync(schedule, (_, _) =>
        {
            if (Interlocked.Increment(ref started) == schedule.Count)
            {
                allStarted.SetResult();
            }
            return never.Task;
        });
        _time.Advance(TimeSpan.FromSeconds(1));
        // The guard only turns a hang into a failure; nothing here depends on how long it takes.
        await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(run.IsCompleted);
        never.SetResult();
        await run;
    }
}
