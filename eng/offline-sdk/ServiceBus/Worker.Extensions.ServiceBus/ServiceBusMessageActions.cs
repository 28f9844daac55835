// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.ServiceBus 5.23.0 (ServiceBusMessageActions). Protected parameterless constructor and virtual settlement methods for mocking, as in the real package.
using Azure.Messaging.ServiceBus;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Settles the Service Bus message that triggered the current invocation.</summary>
public class ServiceBusMessageActions
{
    private const string Message = global::OfflineSdk.ServiceBus.Messages.CompileOnly;

    /// <summary>Initializes a new instance for mocking; virtual members are meant to be mocked.</summary>
    protected ServiceBusMessageActions()
    {
    }

    public virtual Task CompleteMessageAsync(
        ServiceBusReceivedMessage message,
        CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task AbandonMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task DeadLetterMessageAsync(
        ServiceBusReceivedMessage message,
        Dictionary<string, object>? propertiesToModify = default,
        string? deadLetterReason = default,
        string? deadLetterErrorDescription = default,
        CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task DeferMessageAsync(
        ServiceBusReceivedMessage message,
        IDictionary<string, object>? propertiesToModify = default,
        CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);

    public virtual Task RenewMessageLockAsync(
        ServiceBusReceivedMessage message,
        CancellationToken cancellationToken = default)
        => throw new NotSupportedException(Message);
}
