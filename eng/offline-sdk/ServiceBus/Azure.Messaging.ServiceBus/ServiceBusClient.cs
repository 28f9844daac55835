// Compile-only stand-in for Azure.Messaging.ServiceBus 7.21.0 (ServiceBusClient, ServiceBusClientOptions, ServiceBusRetryOptions, ServiceBusSenderOptions). The client cannot connect; options hold their values.
#nullable disable
using System.Net;
using Azure.Core;

namespace Azure.Messaging.ServiceBus;

/// <summary>The top-level client through which all Service Bus entities can be interacted with.</summary>
public class ServiceBusClient : IAsyncDisposable
{
    private const string Message = global::OfflineSdk.ServiceBus.Messages.CompileOnly;

    /// <summary>For mocking.</summary>
    protected ServiceBusClient()
    {
    }

    public ServiceBusClient(string connectionString) => throw new NotSupportedException(Message);

    public ServiceBusClient(string connectionString, ServiceBusClientOptions options) => throw new NotSupportedException(Message);

    public ServiceBusClient(string fullyQualifiedNamespace, TokenCredential credential) => throw new NotSupportedException(Message);

    public ServiceBusClient(string fullyQualifiedNamespace, TokenCredential credential, ServiceBusClientOptions options) => throw new NotSupportedException(Message);

    public ServiceBusClient(string fullyQualifiedNamespace, AzureNamedKeyCredential credential, ServiceBusClientOptions options = default) => throw new NotSupportedException(Message);

    public ServiceBusClient(string fullyQualifiedNamespace, AzureSasCredential credential, ServiceBusClientOptions options = default) => throw new NotSupportedException(Message);

    public virtual string FullyQualifiedNamespace { get; }

    public virtual string Identifier { get; }

    public virtual bool IsClosed { get; }

    public ServiceBusTransportType TransportType { get; }

    public virtual ServiceBusSender CreateSender(string queueOrTopicName) => throw new NotSupportedException(Message);

    public virtual ServiceBusSender CreateSender(string queueOrTopicName, ServiceBusSenderOptions options) => throw new NotSupportedException(Message);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The set of options that can be specified when creating a <see cref="ServiceBusClient"/>.</summary>
public class ServiceBusClientOptions
{
    public TimeSpan ConnectionIdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public Uri CustomEndpointAddress { get; set; }

    public bool EnableCrossEntityTransactions { get; set; }

    public string Identifier { get; set; }

    public ServiceBusRetryOptions RetryOptions { get; set; } = new();

    public ServiceBusTransportType TransportType { get; set; } = ServiceBusTransportType.AmqpTcp;

    public IWebProxy WebProxy { get; set; }
}

/// <summary>Options that influence how retry attempts are made.</summary>
public class ServiceBusRetryOptions
{
    public ServiceBusRetryMode Mode { get; set; } = ServiceBusRetryMode.Exponential;

    public int MaxRetries { get; set; } = 3;

    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The type of approach to apply when calculating the delay between retry attempts.</summary>
public enum ServiceBusRetryMode
{
    Fixed = 0,
    Exponential = 1,
}

/// <summary>The type of protocol and transport that will be used for communicating with Service Bus.</summary>
public enum ServiceBusTransportType
{
    AmqpTcp = 0,
    AmqpWebSockets = 1,
}

/// <summary>Options when creating a <see cref="ServiceBusSender"/>.</summary>
public class ServiceBusSenderOptions
{
    public string Identifier { get; set; }
}
