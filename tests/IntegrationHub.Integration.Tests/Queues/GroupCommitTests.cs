using IntegrationHub.Infrastructure.Queues;

namespace IntegrationHub.Integration.Tests.Queues;

/// <summary>The group-commit rule itself, with a write the test holds open: no storage involved.</summary>
public sealed class GroupCommitTests
{
    private readonly List<IReadOnlyList<string>> _writes = [];
    private readonly Queue<TaskCompletionSource> _gates = new();

    [Fact]
    public async Task AddAsync_WhileAWriteIsInFlight_LaterItemsShareTheNextWrite()
    {
        var sut = CreateSut(maxItems: 10, maxBytes: 1000);
        var first = sut.AddAsync("\"a\"");
        await WaitForWritesAsync(1);

        var second = sut.AddAsync("\"b\"");
        var third = sut.AddAsync("\"c\"");
        Assert.False(second.IsCompleted);
        Release();
        await first;
        await WaitForWritesAsync(2);
        Release();
        await Task.WhenAll(second, third);

        Assert.Equal([["\"a\""], ["\"b\"", "\"c\""]], _writes);
    }

    [Fact]
    public async Task AddAsync_MoreWaitingThanFit_SplitByItemsAndBytes()
    {
        var sut = CreateSut(maxItems: 2, maxBytes: 12);
        var first = sut.AddAsync("\"0\"");
        await WaitForWritesAsync(1);
        var rest = new[] { "\"1\"", "\"2\"", "\"3\"", "\"long-one\"", "\"4\"" }.Select(item => sut.AddAsync(item)).ToList();

        for (var i = 1; i <= 5; i++)
        {
            await WaitForWritesAsync(i);
            Release();
        }
        await Task.WhenAll(rest.Append(first));

        Assert.Equal([["\"0\""], ["\"1\"", "\"2\""], ["\"3\""], ["\"long-one\""], ["\"4\""]], _writes);
    }

    [Fact]
    public async Task AddAsync_WriteFails_EveryCallerInItFailsAndTheNextWriteStillRuns()
    {
        var sut = new GroupCommit(batch => batch[0] == "\"bad\"" ? throw new InvalidOperationException("storage down") : Task.CompletedTask, 10, 1000);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.AddAsync("\"bad\""));
        await sut.AddAsync("\"good\"");
    }

    [Fact]
    public void JsonArray_Items_OneArray()
    {
        Assert.Equal("""[{"a":1},{"b":2}]""", GroupCommit.JsonArray(["""{"a":1}""", """{"b":2}"""]));
    }

    private GroupCommit CreateSut(int maxItems, int maxBytes) => new(batch =>
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_writes)
        {
            _writes.Add(batch);
            _gates.Enqueue(gate);
        }
        return gate.Task;
    }, maxItems, maxBytes);

    /// <summary>Completes the oldest write still held open (call after waiting for it to start).</summary>
    private void Release()
    {
        lock (_writes)
        {
            _gates.Dequeue().SetResult();
        }
    }

    /// <summary>Waits until the group commit has started <paramref name="count"/> writes (the timeout only turns a hang
    /// into a failure).</summary>
    private async Task WaitForWritesAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_writes)
            {
                if (_writes.Count >= count)
                {
                    return;
                }
            }
            await Task.Delay(1, timeout.Token);
        }
    }
}
