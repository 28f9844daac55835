using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using IntegrationHub.Core.Model;
using IntegrationHub.Infrastructure.Storage;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Infrastructure.Queues;

/// <summary>The standalone worker's side of the delivery queue: receive, then settle each message explicitly —
/// complete on success, abandon (with a delay) on a transient failure, dead-letter a poison message to
/// <c>deliveries-poison</c> with a reason and description.</summary>
public sealed partial class StorageQueueConsumer(
    StorageResources storage, DeliveryArrivals arrivals, TimeProvider time, ILogger<StorageQueueConsumer> logger)
{
    /// <summary>Azure's most messages per receive.</summary>
    public const int MaxBatch = 32;

    private const int MaxDescriptionLength = 1024;

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32) messages, hiding each for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> ReceiveAsync(
        int maxMessages, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibility, TimeSpan.FromSeconds(1));
        var queue = await DeliveriesAsync(cancellationToken);
        var messages = await queue.ReceiveMessagesAsync(maxMessages, visibility, cancellationToken);
        return [.. messages.Value.Select(Parse)];
    }

    /// <summary>Deletes a processed message.</summary>
    public async Task CompleteAsync(ReceivedDelivery message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var queue = await DeliveriesAsync(cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }

    /// <summary>Returns a message to the queue, visible again after <paramref name="delay"/>. The returned copy holds
    /// the new pop receipt; the old one no longer settles the message.</summary>
    public async Task<ReceivedDelivery> AbandonAsync(ReceivedDelivery message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return await HideAsync(message, delay, cancellationToken);
    }

    /// <summary>Keeps a message being processed hidden for another <paramref name="visibility"/> (Service Bus's lock
    /// renewal), so a long run is not handed to a second receiver. The returned copy holds the new pop receipt; the old
    /// one no longer settles the message.</summary>
    public async Task<ReceivedDelivery> RenewAsync(ReceivedDelivery message, TimeSpan visibility, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibility, TimeSpan.FromSeconds(1));
        return await HideAsync(message, visibility, cancellationToken);
    }

    private async Task<ReceivedDelivery> HideAsync(ReceivedDelivery message, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var queue = await DeliveriesAsync(cancellationToken);
        var receipt = await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: visibility, cancellationToken: cancellationToken);
        return message with { PopReceipt = receipt.Value.PopReceipt };
    }

    /// <summary>Copies the message to the poison queue with <paramref name="reason"/> and <paramref name="description"/>,
    /// then deletes it. A crash between the two leaves a copy in both queues, never in neither.</summary>
    public async Task DeadLetterAsync(
        ReceivedDelivery message, string reason, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var poison = await storage.QueueAsync(StorageNames.PoisonQueue, cancellationToken);
        var letter = new DeadLetteredDelivery(
            message.MessageId,
            message.Body,
            reason,
            description.Length > MaxDescriptionLength ? description[..MaxDescriptionLength] : description,
            message.DequeueCount,
            time.GetUtcNow());
        await poison.SendMessageAsync(
            JsonSerializer.Serialize(letter, StorageJson.Options), visibilityTimeout: null, timeToLive: StorageDeliveryQueue.NeverExpires, cancellationToken);
        await CompleteAsync(message, cancellationToken);
        LogDeadLettered(message.MessageId, reason, message.DequeueCount);
    }

    /// <summary>The approximate number of messages waiting in the delivery queue.</summary>
    public async Task<long> GetDepthAsync(CancellationToken cancellationToken = default)
    {
        var queue = await DeliveriesAsync(cancellationToken);
        var properties = await queue.GetPropertiesAsync(cancellationToken);
        return properties.Value.ApproximateMessagesCountLong;
    }

    /// <summary>Looks at up to <paramref name="maxMessages"/> (1–32) dead letters without taking them.</summary>
    public async Task<IReadOnlyList<DeadLetteredDelivery>> PeekDeadLettersAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatch);
        var poison = await storage.QueueAsync(StorageNames.PoisonQueue, cancellationToken);
        var messages = await poison.PeekMessagesAsync(maxMessages, cancellationToken);
        return [.. messages.Value.Select(ReadDeadLetter)];
    }

    private Task<QueueClient> DeliveriesAsync(CancellationToken cancellationToken) =>
        storage.QueueAsync(StorageNames.DeliveryQueue, cancellationToken);

    /// <summary>Sends one delivery of a message that names several on its own, so that it is retried, counted and
    /// dead-lettered by itself while the rest of its message completes.</summary>
    public async Task RequeueAloneAsync(DeliveryMessage delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var queue = await DeliveriesAsync(cancellationToken);
        await queue.SendMessageAsync(
            JsonSerializer.Serialize(delivery, StorageJson.Options), visibilityTimeout: null, timeToLive: StorageDeliveryQueue.NeverExpires, cancellationToken);
        arrivals.Arrived();
    }

    /// <summary>Completes when this process next queues a delivery (<see cref="DeliveryArrivals.Next"/>).</summary>
    public Task NextArrival => arrivals.Next;

    private static ReceivedDelivery Parse(QueueMessage message)
    {
        var body = message.Body.ToString();
        DeliveryMessage[] parsed = [];
        string? error;
        try
        {
            parsed = body.TrimStart().StartsWith('[')
                ? JsonSerializer.Deserialize<DeliveryMessage[]>(body, StorageJson.Options) ?? []
                : JsonSerializer.Deserialize<DeliveryMessage>(body, StorageJson.Options) is { } single ? [single] : [];
            error = parsed.Length > 0 && parsed.All(m => m is { Connection.Length: > 0, DeliveryId.Length: > 0 })
                ? null
                : "The message does not name a connection and a delivery id.";
        }
        catch (JsonException e)
        {
            error = $"The message is not JSON: {e.Message}";
        }
        return new ReceivedDelivery(message.MessageId, message.PopReceipt, message.DequeueCount, body, error is null ? parsed : [], error);
    }

    /// <summary>Something other than this consumer may have put a message in the poison queue: show it as it is.</summary>
    private static DeadLetteredDelivery ReadDeadLetter(PeekedMessage message)
    {
        var body = message.Body.ToString();
        try
        {
            if (JsonSerializer.Deserialize<DeadLetteredDelivery>(body, StorageJson.Options) is { Reason: not null } letter)
            {
                return letter;
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown raw below.
        }
        return new DeadLetteredDelivery(message.MessageId, body, "Unreadable", "Not a dead letter this hub wrote.", message.DequeueCount, message.InsertedOn ?? default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered message {MessageId}: {Reason} (received {DequeueCount} times)")]
    private partial void LogDeadLettered(string messageId, string reason, long dequeueCount);
}
