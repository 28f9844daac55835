// Compile-only stand-in for Azure.Messaging.ServiceBus 7.21.0 (ServiceBusReceivedMessage, ServiceBusMessageState, ServiceBusModelFactory.ServiceBusReceivedMessage). A data carrier: returns what the factory was given.
#nullable disable
using System.ComponentModel;

namespace Azure.Messaging.ServiceBus;

/// <summary>A message received from Service Bus. Instances are created by the service, or by <see cref="ServiceBusModelFactory"/> in tests.</summary>
public class ServiceBusReceivedMessage
{
    internal ServiceBusReceivedMessage()
    {
    }

    public IReadOnlyDictionary<string, object> ApplicationProperties { get; internal init; } = new Dictionary<string, object>();

    public BinaryData Body { get; internal init; } = new(ReadOnlyMemory<byte>.Empty);

    public string ContentType { get; internal init; }

    public string CorrelationId { get; internal init; }

    public string DeadLetterErrorDescription =>
        ApplicationProperties.TryGetValue("DeadLetterErrorDescription", out object value) ? value as string : null;

    public string DeadLetterReason =>
        ApplicationProperties.TryGetValue("DeadLetterReason", out object value) ? value as string : null;

    public string DeadLetterSource { get; internal init; }

    public int DeliveryCount { get; internal init; }

    public long EnqueuedSequenceNumber { get; internal init; }

    public DateTimeOffset EnqueuedTime { get; internal init; }

    public DateTimeOffset ExpiresAt =>
        TimeToLive >= DateTimeOffset.MaxValue.Subtract(EnqueuedTime) ? DateTimeOffset.MaxValue : EnqueuedTime.Add(TimeToLive);

    public DateTimeOffset LockedUntil { get; internal init; }

    public string LockToken { get; internal init; }

    public string MessageId { get; internal init; }

    public string PartitionKey { get; internal init; }

    public string ReplyTo { get; internal init; }

    public string ReplyToSessionId { get; internal init; }

    public DateTimeOffset ScheduledEnqueueTime { get; internal init; }

    public long SequenceNumber { get; internal init; } = -1;

    public string SessionId { get; internal init; }

    public ServiceBusMessageState State { get; internal init; }

    public string Subject { get; internal init; }

    public TimeSpan TimeToLive { get; internal init; } = TimeSpan.MaxValue;

    public string To { get; internal init; }

    public string TransactionPartitionKey { get; internal init; }

    public override string ToString() => $"{{MessageId:{MessageId}}}";
}

/// <summary>The state of a message.</summary>
public enum ServiceBusMessageState
{
    Active = 0,
    Deferred = 1,
    Scheduled = 2,
}

/// <summary>Creates Service Bus model instances for mocking.</summary>
public static class ServiceBusModelFactory
{
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ServiceBusReceivedMessage ServiceBusReceivedMessage(
        BinaryData body,
        string messageId,
        string partitionKey,
        string viaPartitionKey,
        string sessionId,
        string replyToSessionId,
        TimeSpan timeToLive,
        string correlationId,
        string subject,
        string to,
        string contentType,
        string replyTo,
        DateTimeOffset scheduledEnqueueTime,
        IDictionary<string, object> properties,
        Guid lockTokenGuid,
        int deliveryCount,
        DateTimeOffset lockedUntil,
        long sequenceNumber,
        string deadLetterSource,
        long enqueuedSequenceNumber,
        DateTimeOffset enqueuedTime) =>
        ServiceBusReceivedMessage(body, messageId, partitionKey, viaPartitionKey, sessionId, replyToSessionId,
            timeToLive, correlationId, subject, to, contentType, replyTo, scheduledEnqueueTime, properties,
            lockTokenGuid, deliveryCount, lockedUntil, sequenceNumber, deadLetterSource, enqueuedSequenceNumber,
            enqueuedTime, ServiceBusMessageState.Active);

    public static ServiceBusReceivedMessage ServiceBusReceivedMessage(
        BinaryData body = default,
        string messageId = default,
        string partitionKey = default,
        string viaPartitionKey = default,
        string sessionId = default,
        string replyToSessionId = default,
        TimeSpan timeToLive = default,
        string correlationId = default,
        string subject = default,
        string to = default,
        string contentType = default,
        string replyTo = default,
        DateTimeOffset scheduledEnqueueTime = default,
        IDictionary<string, object> properties = default,
        Guid lockTokenGuid = default,
        int deliveryCount = default,
        DateTimeOffset lockedUntil = default,
        long sequenceNumber = -1,
        string deadLetterSource = default,
        long enqueuedSequenceNumber = default,
        DateTimeOffset enqueuedTime = default,
        ServiceBusMessageState serviceBusMessageState = default) =>
        new()
        {
            Body = body ?? new BinaryData(ReadOnlyMemory<byte>.Empty),
            MessageId = messageId,
            PartitionKey = partitionKey,
            TransactionPartitionKey = viaPartitionKey,
            SessionId = sessionId,
            ReplyToSessionId = replyToSessionId,
            TimeToLive = timeToLive == default ? TimeSpan.MaxValue : timeToLive,
            CorrelationId = correlationId,
            Subject = subject,
            To = to,
            ContentType = contentType,
            ReplyTo = replyTo,
            ScheduledEnqueueTime = scheduledEnqueueTime,
            ApplicationProperties = properties is null
                ? new Dictionary<string, object>()
                : new Dictionary<string, object>(properties),
            LockToken = lockTokenGuid.ToString(),
            DeliveryCount = deliveryCount,
            LockedUntil = lockedUntil,
            SequenceNumber = sequenceNumber,
            DeadLetterSource = deadLetterSource,
            EnqueuedSequenceNumber = enqueuedSequenceNumber,
            EnqueuedTime = enqueuedTime,
            State = serviceBusMessageState,
        };
}
