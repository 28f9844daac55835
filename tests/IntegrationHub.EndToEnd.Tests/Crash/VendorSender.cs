using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace IntegrationHub.EndToEnd.Tests.Crash;

/// <summary>Sends deliveries as a vendor does: several at once, and each one again and again until the hub answers
/// 2xx — through refused connections while the hub is down and 5xx answers while its storage is. Whatever the hub
/// answers that a vendor must not see (a 4xx to a good delivery, a 5xx that is not problem+json) is recorded.</summary>
internal sealed class VendorSender(HttpClient client, int concurrency)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<(string Connection, string DeliveryId), byte> _acceptedIds = new();
    private int _accepted;
    private int _failedAttempts;
    private int _serverErrors;

    /// <summary>Deliveries answered 2xx so far (a redelivery counts again).</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Attempts that got no answer at all (refused, reset, timed out).</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    /// <summary>Attempts answered 5xx.</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>Answers no vendor should get.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>The deliveries the hub answered 2xx.</summary>
    public IReadOnlyList<(string Connection, string DeliveryId)> AcceptedIds => [.. _acceptedIds.Keys];

    /// <summary>Sends every delivery in order, <c>concurrency</c> at a time, until each has been answered 2xx.</summary>
    public async Task SendAllAsync(IReadOnlyList<VendorDelivery> deliveries, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var next = -1;
        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Count)
            {
                await SendUntilAcceptedAsync(deliveries[index], deadline.Token);
            }
        }));
        await Task.WhenAll(senders);
    }

    /// <summary>Waits until at least <paramref name="count"/> deliveries have been accepted.</summary>
    public async Task WaitForAcceptedAsync(int count, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (Accepted < count)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {Accepted} of {count} deliveries were accepted within {timeout}.");
            }
            await Task.Delay(20);
        }
    }

    private async Task SendUntilAcceptedAsync(VendorDelivery delivery, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var response = await delivery.SendAsync(client, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    if (response.StatusCode != HttpStatusCode.Accepted)
                    {
                        _violations.Enqueue($"{delivery.DeliveryId}: {(int)response.StatusCode} instead of 202");
                    }
                    _acceptedIds.TryAdd((delivery.Connection, delivery.DeliveryId), 0);
                    Interlocked.Increment(ref _accepted);
                    return;
                }
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if ((int)response.StatusCode < 500)
                {
                    _violations.Enqueue($"{delivery.DeliveryId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
                else
                {
                    Interlocked.Increment(ref _serverErrors);
                    if (mediaType != "application/problem+json")
                    {
                        _violations.Enqueue($"{delivery.DeliveryId}: {(int)response.StatusCode} as '{mediaType}', not problem+json");
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The hub is down or restarting, or the answer timed out: the vendor tries again.
                Interlocked.Increment(ref _failedAttempts);
            }
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }
}
