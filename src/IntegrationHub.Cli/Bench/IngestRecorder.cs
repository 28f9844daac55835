using System.Collections.Concurrent;

namespace IntegrationHub.Cli.Bench;

/// <summary>Collects a run's measurements from many concurrent sends.</summary>
internal sealed class IngestRecorder
{
    private readonly ConcurrentBag<double> _ack = [];
    private readonly ConcurrentBag<double> _freshness = [];
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _sent;
    private long _accepted;
    private long _freshnessTimeouts;
    private long _lastAnswer;

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Accepted(double milliseconds, long answeredAt)
    {
        Interlocked.Increment(ref _accepted);
        _ack.Add(milliseconds);
        Answered(answeredAt);
    }

    public void Failed(string reason, long answeredAt)
    {
        _errors.AddOrUpdate(reason, 1, (_, count) => count + 1);
        Answered(answeredAt);
    }

    public void Fresh(double milliseconds) => _freshness.Add(milliseconds);

    public void FreshnessTimedOut() => Interlocked.Increment(ref _freshnessTimeouts);

    /// <summary>The result, with accepted/s taken over <c>start</c> to the last answer (or <paramref name="minimumWindow"/>,
    /// the schedule's length, when the answers all came sooner).</summary>
    public IngestResult Result(double offeredRate, long start, TimeSpan minimumWindow, TimeProvider time)
    {
        var last = Interlocked.Read(ref _lastAnswer);
        var window = last == 0 ? minimumWindow : time.GetElapsedTime(start, last);
        if (window < minimumWindow)
        {
            window = minimumWindow;
        }
        var accepted = Interlocked.Read(ref _accepted);
        return new IngestResult(
            offeredRate,
            Interlocked.Read(ref _sent),
            accepted,
            window > TimeSpan.Zero ? accepted / window.TotalSeconds : 0,
            LatencyStats.Of(_ack),
            new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
            LatencyStats.Of(_freshness),
            Interlocked.Read(ref _freshnessTimeouts));
    }

    private void Answered(long at)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref _lastAnswer);
        }
        while (at > seen && Interlocked.CompareExchange(ref _lastAnswer, at, seen) != seen);
    }
}
