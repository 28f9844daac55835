// Compile-only stand-in for Azure.Messaging.ServiceBus 7.21.0 (ServiceBusMessage). A data carrier: holds what it is given.
#nullable disable
namespace Azure.Messaging.ServiceBus;

/// <summary>The message to send to a Service Bus queue or topic.</summary>
public class ServiceBusMessage
{
    public ServiceBusMessage()
        : this(default(ReadOnlyMemory<byte>))
    {
    }

    public ServiceBusMessage(string body)
        : this(BinaryData.FromString(body))
    {
    }

    public ServiceBusMessage(ReadOnlyMemory<byte> body)
        : this(new BinaryData(body))
    {
    }

    public ServiceBusMessage(BinaryData body)
    {
        Body = body ?? new BinaryData(ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>Creates a new message from a received one, copying the properties a sender may set (the scheduled enqueue time is reset, as in the real SDK).</summary>
    public ServiceBusMessage(ServiceBusReceivedMessage receivedMessage)
    {
        ArgumentNullException.ThrowIfNull(receivedMessage);
        Body = receivedMessage.Body;
        ContentType = receivedMessage.ContentType;
        CorrelationId = receivedMessage.CorrelationId;
        MessageId = receivedMessage.MessageId;
        PartitionKey = receivedMessage.PartitionKey;
        ReplyTo = receivedMessage.ReplyTo;
        ReplyToSessionId = receivedMessage.ReplyToSessionId;
        SessionId = receivedMessage.SessionId;
        Subject = receivedMessage.Subject;
        TimeToLive = receivedMessage.TimeToLive;
        To = receivedMessage.To;
        TransactionPartitionKey = receivedMessage.TransactionPartitionKey;
        foreach (KeyValuePair<string, object> property in receivedMessage.ApplicationProperties)
        {
            ApplicationProperties[property.Key] = property.Value;
        }
    }

    public IDictionary<string, object> ApplicationProperties { get; } = new Dictionary<string, object>();

    public BinaryData Body { get; set; }

    public string ContentType { get; set; }

    public string CorrelationId { get; set; }

    public string MessageId { get; set; }

    public string PartitionKey { get; set; }

    public string ReplyTo { get; set; }

    public string ReplyToSessionId { get; set; }

    public DateTimeOffset ScheduledEnqueueTime { get; set; }

    public string SessionId { get; set; }

    public string Subject { get; set; }

    public TimeSpan TimeToLive { get; set; } = TimeSpan.MaxValue;

    public string To { get; set; }

    public string TransactionPartitionKey { get; set; }

    public override string ToString() => $"{{MessageId:{MessageId}}}";
}
