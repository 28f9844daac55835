namespace IntegrationHub.Cli.Bench;

/// <summary>A fixed arrival rate: delivery <c>i</c> is due <c>i / rate</c> seconds after the start, whatever happened to
/// the ones before it. Latency is measured from this due time, not from when a busy sender got round to it, so a hub
/// that stalls is charged for every delivery that waited (no coordinated omission).</summary>
internal sealed class OpenLoopSchedule
{
    public OpenLoopSchedule(double ratePerSecond, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(duration.Ticks);
        Rate = ratePerSecond;
        Count = (long)Math.Floor(ratePerSecond * duration.TotalSeconds);
    }

    public double Rate { get; }

    /// <summary>How many deliveries the run sends.</summary>
    public long Count { get; }

    /// <summary>When delivery <paramref name="index"/> is due, after the start.</summary>
    public TimeSpan DueAt(long index) => TimeSpan.FromTicks((long)Math.Round(index * TimeSpan.TicksPerSecond / Rate));

    /// <summary>How many deliveries are due by <paramref name="elapsed"/> (at most <see cref="Count"/>).</summary>
    public long DueBy(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero)
        {
            return 0;
        }
        var due = (long)Math.Floor(elapsed.Ticks * Rate / TimeSpan.TicksPerSecond) + 1;
        // Floating point may put the boundary one either side; DueAt is the truth.
        while (due > 0 && DueAt(due - 1) > elapsed)
        {
            due--;
        }
        while (due < Count && DueAt(due) <= elapsed)
        {
            due++;
        }
        return Math.Min(due, Count);
    }
}
