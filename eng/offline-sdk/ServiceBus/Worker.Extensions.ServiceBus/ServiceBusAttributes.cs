// Compile-only stand-in for Microsoft.Azure.Functions.Worker.Extensions.ServiceBus 5.23.0 (ServiceBusTriggerAttribute, ServiceBusOutputAttribute, ServiceBusEntityType). Attributes hold their values.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

/// <summary>Binds a parameter to a Service Bus queue or topic-subscription message, triggering the function.</summary>
public sealed class ServiceBusTriggerAttribute : TriggerBindingAttribute
{
    public ServiceBusTriggerAttribute(string queueName)
    {
        QueueName = queueName;
    }

    public ServiceBusTriggerAttribute(string topicName, string subscriptionName)
    {
        TopicName = topicName;
        SubscriptionName = subscriptionName;
    }

    public string? Connection { get; set; }

    public string? QueueName { get; }

    public string? TopicName { get; }

    public string? SubscriptionName { get; }

    public bool IsSessionsEnabled { get; set; }

    public bool IsBatched { get; set; }

    /// <summary>Whether the host completes the message after a successful invocation (default assumed true; see README).</summary>
    public bool AutoCompleteMessages { get; set; } = true;
}

/// <summary>Binds a function return value or POCO property to a Service Bus queue or topic.</summary>
public sealed class ServiceBusOutputAttribute : OutputBindingAttribute
{
    public ServiceBusOutputAttribute(string queueOrTopicName, ServiceBusEntityType entityType = ServiceBusEntityType.Queue)
    {
        QueueOrTopicName = queueOrTopicName;
        EntityType = entityType;
    }

    public string QueueOrTopicName { get; private set; }

    public string? Connection { get; set; }

    public ServiceBusEntityType EntityType { get; set; }
}

/// <summary>Service Bus entity type.</summary>
public enum ServiceBusEntityType
{
    Queue,
    Topic,
}
