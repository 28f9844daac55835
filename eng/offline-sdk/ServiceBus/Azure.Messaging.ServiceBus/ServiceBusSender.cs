// Compile-only stand-in for Azure.Messaging.ServiceBus 7.21.0 (ServiceBusSender). Protected parameterless constructor and virtual members for mocking, as in the real SDK.
#nullable disable
namespace Azure.Messaging.ServiceBus;

/// <summary>A client responsible for sending messages to a specific queue or topic.</summary>
public class ServiceBusSender : IAsyncDisposable
{
    private const string Message = global::OfflineSdk.ServiceBus.Messages.CompileOnly;

    /// <summary>For mocking.</summary>
    protected ServiceBusSender()
    {
    }

    protected ServiceBusSender(ServiceBusClient client, string queueOrTopicName)
        : this(client, queueOrTopicName, new ServiceBusSenderOptions())
    {
    }

    protected ServiceBusSender(ServiceBusClient client, string queueOrTopicName, ServiceBusSenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        EntityPath = queueOrTopicName;
        FullyQualifiedNamespace = client.FullyQualifiedNamespace;
        Identifier = options?.Identifier;
    }

    public virtual string EntityPath { get; }

    public virtual string FullyQualifiedNamespace { get; }

    public virtual string Identifier { get; }

    public virtual bool IsClosed { get; }

    public virtual Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task<long> ScheduleMessageAsync(ServiceBusMessage message, DateTimeOffset scheduledEnqueueTime, CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task CancelScheduledMessageAsync(long sequenceNumber, CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task CloseAsync(CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
