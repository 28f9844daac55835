namespace IntegrationHub.Infrastructure.Queues;

/// <summary>Group commit for a store that writes one thing at a time: while one write is in flight, items added meanwhile
/// wait and go together in the next (up to <paramref name="maxItems"/> items and <paramref name="maxBytes"/> bytes
/// of UTF-8 JSON). Each caller's task completes when the write holding its item has completed, and fails with it.</summary>
/// <param name="write">Writes one batch: the items' JSON texts, oldest first, as one record (for example a JSON array).</param>
public sealed class GroupCommit(Func<IReadOnlyList<string>, Task> write, int maxItems, int maxBytes)
{
    private readonly Lock _gate = new();
    private readonly List<Waiting> _waiting = [];
    private bool _writing;

    /// <summary>Adds <paramref name="json"/> to the next write and returns when that write is done. Cancelling stops
    /// the wait only: the item may still be written.</summary>
    public Task AddAsync(string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var waiting = new Waiting(json);
        bool lead;
        lock (_gate)
        {
            _waiting.Add(waiting);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            _ = Task.Run(WriteWaitingAsync, CancellationToken.None);
        }
        return waiting.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The JSON texts as one array.</summary>
    public static string JsonArray(IReadOnlyList<string> items) => $"[{string.Join(',', items)}]";

    /// <summary>A queue message's body: one item as its own object, several as an array of them — the hub's rule for
    /// every Storage queue it group-commits to.</summary>
    public static string Body(IReadOnlyList<string> items) => items.Count == 1 ? items[0] : JsonArray(items);

    /// <summary>Writes what waits, batch after batch, until nothing does. Not tied to any caller's cancellation: one
    /// caller giving up must not fail the others sharing its write.</summary>
    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = TakeBatch();
            }
            try
            {
                await write([.. batch.Select(w => w.Json)]);
                batch.ForEach(w => w.Written.TrySetResult());
            }
            catch (Exception failure)
            {
                batch.ForEach(w => w.Written.TrySetException(failure));
            }
        }
    }

    /// <summary>The oldest waiting items that fit one write (always at least one).</summary>
    private List<Waiting> TakeBatch()
    {
        var count = 0;
        var bytes = 2;
        while (count < _waiting.Count && count < maxItems && (count == 0 || bytes + _waiting[count].Bytes + 1 <= maxBytes))
        {
            bytes += _waiting[count].Bytes + 1;
            count++;
        }
        var batch = _waiting.GetRange(0, count);
        _waiting.RemoveRange(0, count);
        return batch;
    }

    private sealed record Waiting(string Json)
    {
        public int Bytes { get; } = System.Text.Encoding.UTF8.GetByteCount(Json);

        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
