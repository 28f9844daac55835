namespace IntegrationHub.Cli.Bench;

/// <summary>Drives an <see cref="OpenLoopSchedule"/>: starts each send when it is due without waiting for earlier ones to
/// finish, and hands every send its due timestamp (in <see cref="TimeProvider.GetTimestamp"/> units) to measure from.
/// When the runner itself falls behind, the overdue sends start at once, still carrying their original due times.</summary>
internal sealed class OpenLoopRunner(TimeProvider time)
{
    /// <summary>Runs the schedule and returns once every send has finished.</summary>
    public async Task RunAsync(OpenLoopSchedule schedule, Func<long, long, Task> send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(send);
        var start = time.GetTimestamp();
        var inFlight = new List<Task>((int)Math.Min(schedule.Count, 1 << 20));
        long next = 0;
        while (next < schedule.Count && !cancellationToken.IsCancellationRequested)
        {
            var elapsed = time.GetElapsedTime(start);
            var due = schedule.DueBy(elapsed);
            for (; next < due; next++)
            {
                inFlight.Add(send(next, start + ToTimestamp(schedule.DueAt(next))));
            }
            if (next < schedule.Count)
            {
                await Delay(schedule.DueAt(next) - elapsed, cancellationToken);
            }
        }
        await Task.WhenAll(inFlight);
    }

    private long ToTimestamp(TimeSpan offset) =>
        (long)Math.Round(offset.Ticks * (double)time.TimestampFrequency / TimeSpan.TicksPerSecond);

    private async Task Delay(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the loop ends and the sends already started are awaited.
        }
    }
}
