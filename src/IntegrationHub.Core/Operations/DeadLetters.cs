using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Core.Model;
using IntegrationHub.Core.Ports;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Core.Operations;

/// <summary>Dead letters for operators: record what failed, list it, and replay it through today's normalisers.
/// Replaying is idempotent: the archived delivery is processed again, and every step of processing is idempotent.</summary>
public sealed partial class DeadLetters(IDeadLetterStore store, IDeliveryQueue queue, TimeProvider time, ILogger<DeadLetters> logger)
{
    public const int MaxPageSize = 200;

    /// <summary>A dead letter's id is its delivery's: a delivery that fails again replaces its earlier dead letter.</summary>
    public static string IdFor(string connection, string deliveryId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{connection}\n{deliveryId}")), 0, 16);

    public async Task<DeadLetter> RecordAsync(
        DeliveryMessage message, string reason, string description, long attempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var deadLetter = new DeadLetter(
            IdFor(message.Connection, message.DeliveryId), message.Connection, message.DeliveryId, reason, description, attempts, time.GetUtcNow());
        await store.AddAsync(deadLetter, cancellationToken);
        LogDeadLettered(deadLetter.Id, message.Connection, message.DeliveryId, reason);
        return deadLetter;
    }

    public Task<DeadLetterPage> ListAsync(int? pageSize, string? continuation, CancellationToken cancellationToken = default) =>
        store.ListAsync(Math.Clamp(pageSize ?? 50, 1, MaxPageSize), continuation, cancellationToken);

    /// <summary>Queues the dead letter's delivery again (as a replay, so Service Bus duplicate detection lets it through)
    /// and removes the dead letter. Returns null when there is no such dead letter.</summary>
    public async Task<DeadLetter?> ReplayAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } deadLetter)
        {
            return null;
        }
        var replay = $"replay-{time.GetUtcNow().ToUnixTimeMilliseconds()}";
        await queue.EnqueueAsync(new DeliveryMessage(deadLetter.Connection, deadLetter.DeliveryId, replay), cancellationToken);
        await store.RemoveAsync(id, cancellationToken);
        LogReplayed(id, deadLetter.Connection, deadLetter.DeliveryId);
        return deadLetter;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered delivery {DeliveryId} on {Connection} as {DeadLetterId}: {Reason}")]
    private partial void LogDeadLettered(string deadLetterId, string connection, string deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replaying dead letter {DeadLetterId}: delivery {DeliveryId} on {Connection}")]
    private partial void LogReplayed(string deadLetterId, string connection, string deliveryId);
}
