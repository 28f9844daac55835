using Azure.Identity;
using Azure.Messaging.ServiceBus;
using IntegrationHub.Core;
using IntegrationHub.Core.Ports;
using IntegrationHub.Core.Workflows.ProcessEvent;
using IntegrationHub.Core.Workflows.Replay;
using IntegrationHub.Functions.Transport;
using IntegrationHub.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Functions;

internal static class FunctionsHostExtensions
{
    public const string ServiceBusConnection = "ServiceBusConnection";

    /// <summary>The same Core services and storage adapters as <c>hub serve</c>, with Service Bus as the transport and
    /// the workflow steps run as Durable activities.</summary>
    public static IHostApplicationBuilder AddIntegrationHub(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHubCore();
        builder.Services.AddHubStorage();
        builder.Services.AddSingleton<IProcessEventSteps>(sp => sp.GetRequiredService<ProcessEventSteps>());
        builder.Services.AddSingleton<IReplaySteps>(sp => sp.GetRequiredService<ReplaySteps>());
        builder.Services.AddSingleton(sp => CreateServiceBusClient(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<IDeliveryQueue, ServiceBusDeliveryQueue>();
        builder.Services.AddSingleton<IProfileChangePublisher, ServiceBusProfileChangePublisher>();
        return builder;
    }

    /// <summary>A connection string, or <c>ServiceBusConnection__fullyQualifiedNamespace</c> with a managed identity.</summary>
    private static ServiceBusClient CreateServiceBusClient(IConfiguration configuration)
    {
        if (configuration[ServiceBusConnection] is { Length: > 0 } connectionString)
        {
            return new ServiceBusClient(connectionString);
        }
        var fullyQualifiedNamespace = configuration[$"{ServiceBusConnection}:fullyQualifiedNamespace"]
            ?? throw new InvalidOperationException(
                $"Set {ServiceBusConnection} (a connection string) or {ServiceBusConnection}__fullyQualifiedNamespace.");
        // A user-assigned identity is named by its client id, as the Functions identity-based connections name it.
        var clientId = configuration[$"{ServiceBusConnection}:clientId"];
        var credential = clientId is { Length: > 0 }
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId })
            : new DefaultAzureCredential();
        return new ServiceBusClient(fullyQualifiedNamespace, credential);
    }
}
