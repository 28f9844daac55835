// Compile-only stand-in for Azure.Messaging.ServiceBus 7.21.0 (ServiceBusException, ServiceBusFailureReason). Holds its values; transient classification mirrors the real constructor.
#nullable disable
using System.Globalization;

namespace Azure.Messaging.ServiceBus;

/// <summary>Serves as a basis for exceptions produced within the Service Bus context.</summary>
public class ServiceBusException : Exception
{
    public ServiceBusException()
    {
    }

    /// <summary>Uses <paramref name="reason"/> to decide whether the failure is transient (ServiceBusy, ServiceTimeout, ServiceCommunicationProblem).</summary>
    public ServiceBusException(string message, ServiceBusFailureReason reason, string entityPath = default, Exception innerException = default)
        : this(IsTransientReason(reason), message, entityPath, reason, innerException)
    {
    }

    public ServiceBusException(bool isTransient, string message, string entityName = default, ServiceBusFailureReason reason = ServiceBusFailureReason.GeneralError, Exception innerException = default)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        EntityPath = entityName;
        Reason = reason;
    }

    public string EntityPath { get; }

    public bool IsTransient { get; }

    public ServiceBusFailureReason Reason { get; }

    public override string Message =>
        string.IsNullOrEmpty(EntityPath)
            ? string.Format(CultureInfo.InvariantCulture, "{0} ({1})", base.Message, Reason)
            : string.Format(CultureInfo.InvariantCulture, "{0} ({1} - {2})", base.Message, EntityPath, Reason);

    private static bool IsTransientReason(ServiceBusFailureReason reason) =>
        reason is ServiceBusFailureReason.ServiceCommunicationProblem
            or ServiceBusFailureReason.ServiceTimeout
            or ServiceBusFailureReason.ServiceBusy;
}

/// <summary>The set of well-known reasons for a Service Bus operation failure.</summary>
public enum ServiceBusFailureReason
{
    GeneralError = 0,
    MessagingEntityNotFound = 1,
    MessageLockLost = 2,
    MessageNotFound = 3,
    MessageSizeExceeded = 4,
    MessagingEntityDisabled = 5,
    QuotaExceeded = 6,
    ServiceBusy = 7,
    ServiceTimeout = 8,
    ServiceCommunicationProblem = 9,
    SessionCannotBeLocked = 10,
    SessionLockLost = 11,
    MessagingEntityAlreadyExists = 12,
}
