using IntegrationHub.Core.Matching.Pipeline;
using IntegrationHub.Core.Ports;
using IntegrationHub.Infrastructure.Archive;
using IntegrationHub.Infrastructure.Operations;
using IntegrationHub.Infrastructure.Health;
using IntegrationHub.Infrastructure.Identity;
using IntegrationHub.Infrastructure.Matching;
using IntegrationHub.Infrastructure.Profiles;
using IntegrationHub.Infrastructure.Queues;
using IntegrationHub.Infrastructure.Storage;
using IntegrationHub.Infrastructure.Timeline;
using IntegrationHub.Infrastructure.Unmapped;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Infrastructure;

public static class HubStorageServiceCollectionExtensions
{
    /// <summary>Registers the storage adapters behind the Core ports — delivery archive, profiles, identity index,
    /// timeline and health — on the account named by <c>AzureWebJobsStorage</c> (a connection string) or
    /// <c>AzureWebJobsStorage:accountName</c> (identity-based), with options from <c>Hub:Storage</c> validated on start.
    /// The transport is separate: <see cref="AddStorageQueueTransport"/> standalone, Service Bus in Azure.</summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>(ReadConnection)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageResources>();
        services.TryAddSingleton<IDeliveryArchive, TableDeliveryArchive>();
        services.TryAddSingleton<UnqueuedDeliveries>();
        services.TryAddSingleton<SweepWatermarks>();
        services.TryAddSingleton<UnqueuedDeliverySweep>();
        services.TryAddSingleton<IProfileStore, TableProfileStore>();
        services.TryAddSingleton<IIdentityIndex, TableIdentityIndex>();
        services.TryAddSingleton<IIdentityGraphStore, TableIdentityGraphStore>();
        services.TryAddSingleton<SharedIdentifierCount>();
        services.TryAddSingleton<ITimelineStore, TableTimelineStore>();
        services.TryAddSingleton<IUnmappedEventLog, TableUnmappedEventLog>();
        services.TryAddSingleton<IDeadLetterStore, TableDeadLetterStore>();
        // Operators' dead-letter service: both hosts record and replay through the same store and their own transport.
        services.TryAddSingleton<IntegrationHub.Core.Operations.DeadLetters>();
        services.TryAddSingleton<IReplayJobStore, TableReplayJobStore>();
        services.TryAddSingleton<IntegrationHub.Core.Operations.Replays>();
        services.TryAddSingleton<IHubHealth, StorageHubHealth>();
        services.TryAddSingleton<IMatchModelSource, MatchModelFile>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MatchingOptions>, MatchModelFileValidator>());
        services.TryAddSingleton<IMatchBlockIndex, TableMatchBlockIndex>();
        services.TryAddSingleton<ISuggestionStore, TableSuggestionStore>();
        return services;
    }

    /// <summary>Registers the Storage Queue transport of the standalone host: <see cref="IDeliveryQueue"/> as
    /// <see cref="StorageDeliveryQueue"/>, <see cref="StorageQueueConsumer"/> for its worker, and
    /// <see cref="IProfileChangePublisher"/> as <see cref="StorageProfileChangePublisher"/>.</summary>
    public static IServiceCollection AddStorageQueueTransport(this IServiceCollection services)
    {
        services.TryAddSingleton<DeliveryArrivals>();
        services.TryAddSingleton<IDeliveryQueue, StorageDeliveryQueue>();
        services.TryAddSingleton<StorageQueueConsumer>();
        services.TryAddSingleton<IProfileChangePublisher, StorageProfileChangePublisher>();
        return services;
    }

    private static void ReadConnection(StorageOptions options, IConfiguration configuration)
    {
        options.ConnectionString = configuration[StorageOptions.ConnectionKey];
        options.AccountName = configuration[$"{StorageOptions.ConnectionKey}:accountName"];
        options.ManagedIdentityClientId = configuration[$"{StorageOptions.ConnectionKey}:clientId"];
    }
}
